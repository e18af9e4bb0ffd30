package io.immudb.cli;

import io.immudb.client.ImmuClient;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code immuclient getRawBySafeIndex TX}: the entries of tx {@code TX} in their stored form
 * ({@link RawEntries}), verified. The seed's index is v1.1's tx id, as for {@code getByIndex}. The
 * tx is proven against the trusted state ({@code VerifiableTxById}), which proves each entry's
 * stored key, {@code hvalue} and {@code vlen}; the value of each plain key is then read with a
 * verified read at that tx ({@code VerifiableGet}, at-tx) and must hash to the entry's {@code
 * hvalue}. Sorted-set members show their (empty) stored value; SQL entries their hash only.
 */
@Command(
    name = "getRawBySafeIndex",
    description = "The entries of tx TX as stored (keys and values in hex), verified")
final class GetRawBySafeIndexCommand implements Callable<Integer> {
  @ParentCommand Immuclient client;

  @Parameters(paramLabel = "TX")
  long txId;

  @Override
  public Integer call() throws Exception {
    ImmuClient c = client.opts.client();
    Tx tx = c.verifiedTxById(txId);
    Printer out = client.opts.printer();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (TxEntry te : tx.entries()) {
      entries.add(entry(c, out, te));
    }
    Map<String, Object> header = out.header(tx.header(), true);
    if (client.opts.format() == Printer.Format.JSON) {
      header.put("entries", entries);
      out.record(header);
    } else {
      out.record(header);
      out.line("");
      out.records(entries);
    }
    return 0;
  }

  private Map<String, Object> entry(ImmuClient c, Printer out, TxEntry te)
      throws VerificationException {
    byte[] storedKey = te.key();
    Map<String, Object> m = new LinkedHashMap<>();
    if (storedKey.length > 0 && storedKey[0] == StoredKeys.PLAIN_PREFIX) {
      byte[] userKey = Arrays.copyOfRange(storedKey, 1, storedKey.length);
      Entry e = c.verifiedGetAt(userKey, txId);
      byte[] stored = RawEntries.storedValueAt(e, txId);
      Sha256Digest h = Sha256Hasher.create().hash(stored);
      if (!h.equals(te.hValue())) {
        throw new VerificationException(
            VerificationException.Reason.ENTRY_MISMATCH,
            "the value read for key "
                + out.encoding().encode(userKey)
                + " at tx "
                + txId
                + " is not the one the tx holds",
            null,
            te.hValue(),
            h);
      }
      m.put("key", out.encoding().encode(userKey));
      m.putAll(RawEntries.fields(storedKey, stored));
      e.referencedBy().ifPresent(r -> m.put("reference to", out.encoding().encode(e.key())));
    } else {
      m.put("stored key", RawEntries.hex(storedKey));
      if (te.vLen() == 0) {
        m.put("stored value", "");
      }
      m.put("hvalue", te.hValue().toHex());
      m.put("vlen", te.vLen());
    }
    return m;
  }
}
