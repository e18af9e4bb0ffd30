package io.immudb.cli;

import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of entries, as immuclient's {@code raw*} commands show it: the key and value
 * bytes exactly as the server stores and hashes them (spec v1 §3.2), in hex, with the value's hash
 * {@code hvalue = H(stored value)} that a tx's entry carries (§3.4). Over v1.1 this is what "raw"
 * means: there is no structured-value wrapping to leave out as in the seed's v0.8 tools, but every
 * plain key and value is stored behind a namespace byte ({@code 0x00}), and a reference is stored
 * as {@code 0x01 ‖ atTx ‖ 0x00 ‖ referenced key}. Stateless.
 */
final class RawEntries {
  private static final HexFormat HEX = HexFormat.of();

  private RawEntries() {}

  /**
   * The stored value of the entry that a verified read of a key at tx {@code txId} proved to be in
   * that tx: the reference it was read through when the tx wrote a reference, else its plain value.
   */
  static byte[] storedValueAt(Entry e, long txId) {
    return e.referencedBy()
        .filter(r -> r.tx() == txId)
        .map(r -> StoredValues.reference(r.atTx(), e.key()))
        .orElseGet(() -> StoredValues.plain(e.value()));
  }

  /** {@code stored key}, {@code stored value} (if known), {@code hvalue} and {@code vlen}. */
  static Map<String, Object> fields(byte[] storedKey, byte[] storedValue) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stored key", HEX.formatHex(storedKey));
    m.put("stored value", HEX.formatHex(storedValue));
    m.put("hvalue", Sha256Hasher.create().hash(storedValue).toHex());
    m.put("vlen", storedValue.length);
    return m;
  }

  /** The stored key of a plain user key: {@code 0x00 ‖ key}. */
  static byte[] plainKey(byte[] userKey) {
    return StoredKeys.plain(userKey);
  }

  static String hex(byte[] b) {
    return HEX.formatHex(b);
  }
}
