package io.immudb.cli.backup;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.immudb.client.HistoryChecker;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.TxHeader;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The binary backup format (docs/operations.md, "Backup and restore"). All integers big-endian:
 *
 * <pre>
 * magic    "IMMUBKP1"
 * header   u32 length, UTF-8 JSON {@link BackupHeader}, u32 CRC32C of the JSON
 * tx*      'T', u32 length, payload, u32 CRC32C of the payload
 *          payload: u64 id, 32 prevAlh, i64 ts, u32 nEntries, 32 eH, u64 blTxId, 32 blRoot,
 *                   then per entry u32 key length, key, u32 value length, value
 * trailer  'E', u64 tx count, 32 Alh of the last tx, 32 SHA-256 of every byte before it
 * </pre>
 */
final class BinaryBackup {
  static final byte[] MAGIC = "IMMUBKP1".getBytes(StandardCharsets.US_ASCII);
  private static final int TX = 'T';
  private static final int END = 'E';
  private static final Gson GSON = new Gson();

  private BinaryBackup() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return (int) c.getValue();
  }

  /** Writes the format to a stream (which it closes). */
  static final class Writer implements TxFileWriter {
    private final MessageDigest sha = sha256();
    private final DataOutputStream out;

    Writer(OutputStream raw, BackupHeader header) throws IOException {
      this.out =
          new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(raw, 1 << 16), sha));
      out.write(MAGIC);
      byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      out.writeInt(crc(json));
    }

    @Override
    public void write(ExportedTx tx) throws IOException {
      byte[] payload = encode(tx);
      out.writeByte(TX);
      out.writeInt(payload.length);
      out.write(payload);
      out.writeInt(crc(payload));
    }

    @Override
    public void finish(long txCount, ImmuState end) throws IOException {
      out.writeByte(END);
      out.writeLong(txCount);
      out.write(end.txHash().toByteArray());
      out.flush();
      out.write(sha.digest());
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  static byte[] encode(ExportedTx tx) {
    TxHeader h = tx.header();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(buf)) {
      d.writeLong(h.id());
      d.write(h.prevAlh().toByteArray());
      d.writeLong(h.ts());
      d.writeInt(h.nEntries());
      d.write(h.eh().toByteArray());
      d.writeLong(h.blTxId());
      d.write(h.blRoot().toByteArray());
      for (StoredKeyValue kv : tx.entries()) {
        byte[] k = kv.key();
        byte[] v = kv.value();
        d.writeInt(k.length);
        d.write(k);
        d.writeInt(v.length);
        d.write(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  /** Reads and checks the format; {@code size} bounds every length read. */
  static final class Reader extends LookaheadReader {
    private final CountingInput counted;
    private final DataInputStream in;
    private final long size;
    private final BackupHeader header;
    private final HistoryChecker checker;

    Reader(InputStream raw, long size) {
      this.counted = new CountingInput(raw, sha256());
      this.in = new DataInputStream(counted);
      this.size = size;
      try {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
          throw new BackupFileException(0, "not an immudb backup file (bad magic)");
        }
        byte[] json = readBytes(in.readInt(), "header");
        if (in.readInt() != crc(json)) {
          throw new BackupFileException(MAGIC.length, "the header's checksum does not match");
        }
        try {
          header = GSON.fromJson(new String(json, StandardCharsets.UTF_8), BackupHeader.class);
        } catch (JsonParseException e) {
          throw new BackupFileException(MAGIC.length, "the header is not valid JSON", e);
        } catch (RuntimeException e) {
          // Gson wraps what the record's constructor throws (a missing field) in a plain
          // RuntimeException.
          throw new BackupFileException(MAGIC.length, "the header lacks a field", e);
        }
        if (header == null) {
          throw new BackupFileException(MAGIC.length, "the header is empty");
        }
        header.validate(BackupHeader.BACKUP);
        checker = new HistoryChecker(header.database());
      } catch (EOFException e) {
        throw truncated();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public BackupHeader header() {
      return header;
    }

    @Override
    public long position() {
      return counted.position();
    }

    private BackupFileException truncated() {
      return new BackupFileException(counted.position(), "the file ends early (truncated)");
    }

    private byte[] readBytes(int len, String what) throws IOException {
      if (len < 0 || len > size - counted.position()) {
        throw new BackupFileException(
            counted.position(), "a " + what + " length of " + len + " exceeds the file");
      }
      byte[] b = new byte[len];
      in.readFully(b);
      return b;
    }

    @Override
    protected ExportedTx readTx() {
      long at = counted.position();
      try {
        int tag = in.read();
        if (tag == TX) {
          return readTxRecord(at);
        }
        if (tag == END) {
          readTrailer(at);
          return null;
        }
        throw tag < 0 ? truncated() : new BackupFileException(at, "unknown record type " + tag);
      } catch (EOFException e) {
        throw truncated();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private ExportedTx readTxRecord(long at) throws IOException {
      int len = in.readInt();
      byte[] payload = readBytes(len, "tx record");
      if (in.readInt() != crc(payload)) {
        throw new BackupFileException(at, "the checksum of the tx record does not match");
      }
      return Checks.verified(checker, decode(payload, at), at);
    }

    private void readTrailer(long at) throws IOException {
      long count = in.readLong();
      byte[] alh = new byte[Sha256Digest.LENGTH];
      in.readFully(alh);
      byte[] expected = counted.digest();
      byte[] sha = new byte[expected.length];
      in.readFully(sha);
      if (!MessageDigest.isEqual(sha, expected)) {
        throw new BackupFileException(
            at, "the file's SHA-256 does not match its content: it was changed or damaged");
      }
      if (in.read() != -1) {
        throw new BackupFileException(counted.position(), "bytes follow the trailer");
      }
      Checks.end(at, header, checker, count, Sha256Digest.of(alh));
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static ExportedTx decode(byte[] payload, long at) {
    try {
      DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
      long id = d.readLong();
      Sha256Digest prevAlh = digest(d);
      long ts = d.readLong();
      int n = d.readInt();
      Sha256Digest eh = digest(d);
      long blTxId = d.readLong();
      Sha256Digest blRoot = digest(d);
      if (n < 1 || n > payload.length / 8) {
        throw new BackupFileException(at, "tx " + id + " claims " + n + " entries");
      }
      List<StoredKeyValue> kvs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] k = lengthPrefixed(d, payload.length, at);
        byte[] v = lengthPrefixed(d, payload.length, at);
        kvs.add(new StoredKeyValue(k, v));
      }
      if (d.available() != 0) {
        throw new BackupFileException(at, "tx " + id + " has trailing bytes");
      }
      return new ExportedTx(new TxHeader(id, prevAlh, ts, n, eh, blTxId, blRoot), kvs);
    } catch (EOFException e) {
      throw new BackupFileException(at, "a tx record is shorter than its entries", e);
    } catch (IllegalArgumentException e) {
      throw new BackupFileException(at, "a tx record has an invalid header: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sha256Digest digest(DataInputStream d) throws IOException {
    byte[] b = new byte[Sha256Digest.LENGTH];
    d.readFully(b);
    return Sha256Digest.of(b);
  }

  private static byte[] lengthPrefixed(DataInputStream d, int bound, long at) throws IOException {
    int len = d.readInt();
    if (len < 0 || len > bound) {
      throw new BackupFileException(at, "an entry length of " + len + " exceeds its record");
    }
    byte[] b = new byte[len];
    d.readFully(b);
    return b;
  }
}
