package io.immudb.cli.backup;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.immudb.client.HistoryChecker;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.TxHeader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The dump format: JSON Lines, readable by any tool, restorable like a backup. Line 1 is the {@link
 * BackupHeader}; then one line per tx:
 *
 * <pre>{@code
 * {"tx":2,"ts":1700000000,"prevAlh":"<hex>","eH":"<hex>","blTxId":1,"blRoot":"<hex>",
 *  "entries":[{"key":"<base64>","value":"<base64>"}]}
 * }</pre>
 *
 * and last a trailer {@code {"end":true,"txCount":N,"txHash":"<hex>","sha256":"<hex>"}} whose
 * {@code sha256} covers every byte before the trailer line. Keys and values are as stored (with
 * their namespace prefix byte), base64-encoded.
 */
final class JsonDump {
  private static final Gson GSON = new Gson();
  private static final HexFormat HEX = HexFormat.of();
  private static final int MAX_LINE = Integer.MAX_VALUE - 64;

  private JsonDump() {}

  record EntryLine(String key, String value) {}

  record TxLine(
      long tx,
      long ts,
      String prevAlh,
      String eH,
      long blTxId,
      String blRoot,
      List<EntryLine> entries) {}

  record EndLine(boolean end, long txCount, String txHash, String sha256) {}

  /** Writes the format to a stream (which it closes). */
  static final class Writer implements TxFileWriter {
    private final MessageDigest sha = BinaryBackup.sha256();
    private final OutputStream out;

    Writer(OutputStream raw, BackupHeader header) throws IOException {
      this.out = new BufferedOutputStream(raw, 1 << 16);
      line(GSON.toJson(header));
    }

    private void line(String json) throws IOException {
      byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
      sha.update(b);
      out.write(b);
    }

    @Override
    public void write(ExportedTx tx) throws IOException {
      TxHeader h = tx.header();
      List<EntryLine> entries = new ArrayList<>(tx.entries().size());
      Base64.Encoder b64 = Base64.getEncoder();
      for (StoredKeyValue kv : tx.entries()) {
        entries.add(new EntryLine(b64.encodeToString(kv.key()), b64.encodeToString(kv.value())));
      }
      line(
          GSON.toJson(
              new TxLine(
                  h.id(),
                  h.ts(),
                  h.prevAlh().toHex(),
                  h.eh().toHex(),
                  h.blTxId(),
                  h.blRoot().toHex(),
                  entries)));
    }

    @Override
    public void finish(long txCount, ImmuState end) throws IOException {
      String digest = HEX.formatHex(sha.digest());
      byte[] last =
          (GSON.toJson(new EndLine(true, txCount, end.txHash().toHex(), digest)) + "\n")
              .getBytes(StandardCharsets.UTF_8);
      out.write(last);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Reads and checks the format. */
  static final class Reader extends LookaheadReader {
    private final InputStream in;
    private final MessageDigest sha = BinaryBackup.sha256();
    private final BackupHeader header;
    private final HistoryChecker checker;
    private long position;

    Reader(InputStream raw) {
      this.in = new BufferedInputStream(raw, 1 << 16);
      byte[] first = readLine();
      if (first == null) {
        throw new BackupFileException(0, "the file is empty");
      }
      header = parse(first, BackupHeader.class, 0);
      header.validate(BackupHeader.DUMP);
      sha.update(first);
      checker = new HistoryChecker(header.database());
    }

    @Override
    public BackupHeader header() {
      return header;
    }

    @Override
    public long position() {
      return position;
    }

    /** The next line with its newline, or null at the end of the file. */
    private byte[] readLine() {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        int b;
        while ((b = in.read()) >= 0) {
          line.write(b);
          if (b == '\n') {
            break;
          }
          if (line.size() > MAX_LINE) {
            throw new BackupFileException(position, "a line is longer than 2 GiB");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (line.size() == 0) {
        return null;
      }
      byte[] bytes = line.toByteArray();
      if (bytes[bytes.length - 1] != '\n') {
        throw new BackupFileException(position, "the file ends early (truncated)");
      }
      position += bytes.length;
      return bytes;
    }

    private static <T> T parse(byte[] line, Class<T> type, long at) {
      try {
        T t = GSON.fromJson(new String(line, StandardCharsets.UTF_8), type);
        if (t == null) {
          throw new BackupFileException(at, "an empty line");
        }
        return t;
      } catch (JsonParseException e) {
        throw new BackupFileException(at, "a line is not valid JSON: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        // Gson wraps what a record's constructor throws (a missing field: NullPointerException)
        // in a plain RuntimeException.
        throw new BackupFileException(at, "a line lacks a field or holds a bad one", e);
      }
    }

    @Override
    protected ExportedTx readTx() {
      long at = position;
      byte[] line = readLine();
      if (line == null) {
        throw new BackupFileException(at, "the file ends early (no trailer)");
      }
      com.google.gson.JsonObject o = parse(line, com.google.gson.JsonObject.class, at);
      if (o.has("end")) {
        EndLine end = parse(line, EndLine.class, at);
        String digest = HEX.formatHex(sha.digest());
        if (!digest.equals(end.sha256())) {
          throw new BackupFileException(
              at, "the file's SHA-256 does not match its content: it was changed or damaged");
        }
        if (readLine() != null) {
          throw new BackupFileException(position, "lines follow the trailer");
        }
        Checks.end(at, header, checker, end.txCount(), digest(end.txHash(), at));
        return null;
      }
      sha.update(line);
      return Checks.verified(checker, tx(parse(line, TxLine.class, at), at), at);
    }

    private static Sha256Digest digest(String hex, long at) {
      try {
        return Sha256Digest.fromHex(hex);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BackupFileException(at, "a hash is not 64 hex digits: " + hex, e);
      }
    }

    private static ExportedTx tx(TxLine t, long at) {
      if (t.entries() == null || t.entries().isEmpty()) {
        throw new BackupFileException(at, "tx " + t.tx() + " has no entries");
      }
      List<StoredKeyValue> kvs = new ArrayList<>(t.entries().size());
      Base64.Decoder b64 = Base64.getDecoder();
      try {
        for (EntryLine e : t.entries()) {
          kvs.add(new StoredKeyValue(b64.decode(e.key()), b64.decode(e.value())));
        }
        return new ExportedTx(
            new TxHeader(
                t.tx(),
                digest(t.prevAlh(), at),
                t.ts(),
                t.entries().size(),
                digest(t.eH(), at),
                t.blTxId(),
                digest(t.blRoot(), at)),
            kvs);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BackupFileException(at, "tx " + t.tx() + " is malformed: " + e.getMessage(), e);
      }
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
}
