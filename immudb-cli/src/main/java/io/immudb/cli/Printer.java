package io.immudb.cli;

import com.google.gson.GsonBuilder;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints results for a person ({@code --output text}: one {@code name: value} line per field, a
 * blank line between records) or for a script ({@code --output json}: one JSON document per
 * command). Keys and values are shown in the chosen {@link Encoding}. Not thread-safe.
 */
public final class Printer {
  /** The output formats. */
  public enum Format {
    TEXT,
    JSON
  }

  private static final com.google.gson.Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();
  private static final com.google.gson.Gson GSON_NULLS =
      new GsonBuilder()
          .disableHtmlEscaping()
          .serializeSpecialFloatingPointValues()
          .serializeNulls()
          .create();

  private final PrintStream out;
  private final Format format;
  private final Encoding encoding;

  public Printer(PrintStream out, Format format, Encoding encoding) {
    this.out = out;
    this.format = format;
    this.encoding = encoding;
  }

  public Encoding encoding() {
    return encoding;
  }

  /** The output format. */
  public Format format() {
    return format;
  }

  /** Prints {@code o} as one JSON document, nulls included. */
  public void document(Object o) {
    out.println(GSON_NULLS.toJson(o));
  }

  /** Prints one record. */
  public void record(Map<String, Object> fields) {
    if (format == Format.JSON) {
      out.println(json(fields));
      return;
    }
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    fields.forEach((k, v) -> out.printf("%-" + width + "s %s%n", k + ":", v));
  }

  /** Prints a list of records. */
  public void records(List<Map<String, Object>> records) {
    if (format == Format.JSON) {
      out.println(json(records));
      return;
    }
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        out.println();
      }
      record(records.get(i));
    }
    if (records.isEmpty()) {
      out.println("(none)");
    }
  }

  /** Prints a bare line (text) or a JSON string. */
  public void line(String s) {
    out.println(format == Format.JSON ? json(s) : s);
  }

  private static String json(Object o) {
    return GSON.toJson(o);
  }

  /** An ordered record of name/value pairs. */
  public static Map<String, Object> fields(Object... nameValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put((String) nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  /** An entry's fields; {@code verified} adds {@code verified: true}. */
  public Map<String, Object> entry(Entry e, boolean verified) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tx", e.tx());
    m.put("key", encoding.encode(e.key()));
    m.put("value", encoding.encode(e.value()));
    e.referencedBy()
        .ifPresent(
            r -> {
              m.put("referenced by", encoding.encode(r.key()));
              m.put("reference tx", r.tx());
              m.put("reference at tx", r.atTx());
            });
    if (verified) {
      m.put("verified", true);
    }
    return m;
  }

  public Map<String, Object> zEntry(ZEntry z) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("set", encoding.encode(z.set()));
    m.put("score", z.score());
    m.put("at tx", z.atTx());
    m.putAll(entry(z.entry(), false));
    return m;
  }

  /** A tx header's fields, with its Alh ("hash"). */
  public Map<String, Object> header(TxHeader h, boolean verified) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tx", h.id());
    m.put("time", java.time.Instant.ofEpochSecond(h.ts()).toString());
    m.put("entries", h.nEntries());
    m.put("hash", h.alh().toHex());
    m.put("prev hash", h.prevAlh().toHex());
    m.put("eh", h.eh().toHex());
    m.put("bl tx", h.blTxId());
    m.put("bl root", h.blRoot().toHex());
    if (verified) {
      m.put("verified", true);
    }
    return m;
  }

  /** A tx: its header and the keys it wrote with their value hashes. */
  public Map<String, Object> tx(Tx tx, boolean verified) {
    Map<String, Object> m = header(tx.header(), verified);
    List<Object> keys = new ArrayList<>();
    for (TxEntry e : tx.entries()) {
      byte[] k = new byte[e.keyLength()];
      e.copyKeyTo(k, 0);
      String shown = storedKey(k);
      keys.add(format == Format.JSON ? keyEntry(shown, e.hValue().toHex(), e.vLen()) : shown);
    }
    m.put("keys", keys);
    return m;
  }

  /** One key of a tx in JSON, its fields always in this order. */
  private static Map<String, Object> keyEntry(String key, String hvalue, int vlen) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("key", key);
    m.put("hvalue", hvalue);
    m.put("vlen", vlen);
    return m;
  }

  /** A stored key as shown: a plain key as the user's key, others as {@code stored:<hex>}. */
  private String storedKey(byte[] k) {
    if (k.length > 0 && k[0] == io.immudb.core.kv.StoredKeys.PLAIN_PREFIX) {
      return encoding.encode(java.util.Arrays.copyOfRange(k, 1, k.length));
    }
    return "stored:" + java.util.HexFormat.of().formatHex(k);
  }

  public Map<String, Object> state(ImmuState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("database", s.db());
    m.put("tx", s.txId());
    m.put("hash", s.txHash().toHex());
    return m;
  }
}
