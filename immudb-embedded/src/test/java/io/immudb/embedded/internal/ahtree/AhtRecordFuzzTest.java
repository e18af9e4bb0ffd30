package io.immudb.embedded.internal.ahtree;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.embedded.CorruptedDataException;
import io.immudb.embedded.internal.appendable.Appendable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The hash tree's node records (the {@code aht} log of {@link FileAhTree}) fed arbitrary bytes
 * (issue 16, part 1). The input is {@code flags ‖ log}: the low 6 bits of {@code flags} are the
 * number of leaves the commit log holds (each leaf's Alh is a fixed function of its number), bit 6
 * patches the CRC32C of every whole record to match, so the fuzzer gets past the checksums. The
 * tree is opened over the bytes (which checks the last stored leaf against its Alh and cuts or
 * rebuilds the rest), then every node is read back and one leaf appended.
 *
 * <p>Property: the open repairs the log to exactly the number of leaves, and every node then reads
 * back or fails with a {@link CorruptedDataException} naming its record; nothing else escapes (no
 * index or arithmetic error from a record in the wrong place, no unbounded allocation).
 */
class AhtRecordFuzzTest {
  @FuzzTest(maxDuration = "3s")
  void ahtRecords(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    int leaves = data[0] & 0x3f;
    byte[] log = Arrays.copyOfRange(data, 1, data.length);
    if ((data[0] & 0x40) != 0) {
      patchChecksums(log);
    }
    MemoryLog mem = new MemoryLog(log);
    FileAhTree t;
    try {
      t = FileAhTree.open(mem, leaves, AhtRecordFuzzTest::alh);
    } catch (CorruptedDataException expected) {
      return; // a damaged record read during the repair, named
    }
    assertThat(t.size()).isEqualTo(leaves);
    assertThat(mem.size()).isEqualTo(FileAhTree.nodeCount(leaves) * FileAhTree.RECORD_LENGTH);
    AhtNodes stored = t.storedNodes();
    for (int level = 0; (1L << level) <= leaves; level++) {
      for (long k = 0; ((k + 1) << level) <= leaves; k++) {
        try {
          assertThat(stored.node(level, k)).isNotNull();
        } catch (CorruptedDataException expected) {
          // named damage, behind a stale leaf that still matched
        }
      }
    }
    t.append(alh(leaves + 1));
    t.flush();
    t.publish();
    assertThat(t.size()).isEqualTo(leaves + 1L);
  }

  /** The Alh of leaf {@code i} of the fuzzed commit log. */
  static Sha256Digest alh(long i) {
    return Sha256Hasher.create().hash(ByteBuffer.allocate(8).putLong(i).array());
  }

  /** Sets the checksum of every whole record to the one of its ordinal and hash. */
  static void patchChecksums(byte[] log) {
    ByteBuffer b = ByteBuffer.wrap(log);
    for (int ord = 0; (ord + 1) * FileAhTree.RECORD_LENGTH <= log.length; ord++) {
      int off = ord * FileAhTree.RECORD_LENGTH;
      CRC32C c = new CRC32C();
      c.update(ByteBuffer.allocate(8).putLong(ord).array());
      c.update(log, off, Sha256Digest.LENGTH);
      b.putInt(off + Sha256Digest.LENGTH, (int) c.getValue());
    }
  }

  /** An {@link Appendable} over a byte array, with the contract's bounds checks. */
  static final class MemoryLog implements Appendable {
    private byte[] bytes;

    MemoryLog(byte[] initial) {
      this.bytes = initial.clone();
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public long append(ByteBuffer src) {
      int at = bytes.length;
      bytes = Arrays.copyOf(bytes, at + src.remaining());
      src.get(bytes, at, src.remaining());
      return at;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
      if (offset < 0 || offset + dst.remaining() > bytes.length) {
        throw new EOFException("read of " + dst.remaining() + " bytes at " + offset);
      }
      dst.put(bytes, (int) offset, dst.remaining());
    }

    @Override
    public void sync() {}

    @Override
    public void truncate(long newSize) {
      if (newSize < 0 || newSize > bytes.length) {
        throw new UncheckedIOException(new IOException("truncate to " + newSize));
      }
      bytes = Arrays.copyOf(bytes, (int) newSize);
    }

    @Override
    public String describe(long offset) {
      return "aht@" + offset;
    }

    @Override
    public void close() {}
  }
}
