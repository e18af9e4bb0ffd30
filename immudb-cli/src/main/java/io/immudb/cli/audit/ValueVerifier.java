package io.immudb.cli.audit;

import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientException;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.Reference;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.proof.TxChainVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.proof.VerificationException.Reason;
import io.immudb.core.state.ImmuState;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code --audit-verify-values}: checks every tx after the trusted state up to the proven current
 * state, and re-reads the values they wrote.
 *
 * <p>The txs {@code trusted+1 … current} are read with {@code TxScan}. Each one must follow the tx
 * before it, id and {@code prevAlh} (spec v1 §5.3), and its entries must hash to its {@code eH}
 * (spec v1 §4.1), checked by {@link TxChainVerifier}; the last one's Alh must be the current
 * state's, which the dual proof has already linked with the trusted state: so every entry's {@code
 * hValue} is proven. Then each value is read with {@code Get(key, atTx)} and its stored form (spec
 * v1 §3.2) must hash to that {@code hValue}. Sorted-set entries have an empty value (their {@code
 * hValue} must be that of no bytes); SQL entries (prefix {@code 0x02}) can't be read through the
 * key-value API and are not re-read, though their {@code hValue}s are still proven by the chain.
 * Without a trusted state (first round) the chain starts at tx 1, whose {@code prevAlh} is {@code
 * H("")}.
 *
 * <p>Stateless; the client's session must be on the database being audited.
 */
final class ValueVerifier {
  /** Txs asked for per {@code TxScan}. */
  static final int PAGE = 100;

  private ValueVerifier() {}

  /**
   * Checks the txs after {@code trusted} (null: from tx 1) up to {@code current} and their values.
   * Requires trusted.txId() &lt;= current.txId(). Returns the number of values checked.
   *
   * @throws VerificationException if a tx or a value is not the one the states commit to
   * @throws ImmuClientException if the server could not be asked
   */
  static long verify(ImmuClient client, ImmuState trusted, ImmuState current)
      throws VerificationException {
    Sha256Hasher hasher = Sha256Hasher.create();
    Sha256Digest prevAlh = trusted == null ? Sha256Digest.EMPTY : trusted.txHash();
    long next = trusted == null ? 1 : trusted.txId() + 1;
    long checked = 0;
    while (next <= current.txId()) {
      int limit = (int) Math.min(PAGE, current.txId() - next + 1);
      List<Tx> page = client.txScan(next, limit, false);
      if (page.isEmpty()) {
        throw new VerificationException(
            Reason.TX_ID_MISMATCH,
            "the server lists no tx " + next + " though its state is at tx " + current.txId());
      }
      for (Tx tx : page) {
        if (next > current.txId()) {
          break;
        }
        TxChainVerifier.verifyLinearLink(next - 1, prevAlh, tx.header());
        TxChainVerifier.verifyEntries(tx, hasher);
        for (TxEntry e : tx.entries()) {
          checked += checkValue(client, next, e, hasher);
        }
        prevAlh = tx.header().alh(hasher);
        next++;
      }
    }
    boolean walked = trusted != null || current.txId() > 0;
    if (walked && !prevAlh.equals(current.txHash())) {
      throw new VerificationException(
          Reason.ALH_MISMATCH,
          "the txs up to " + current.txId() + " don't hash to the current state's Alh",
          null,
          current.txHash(),
          prevAlh);
    }
    return checked;
  }

  /** Checks one entry's value; returns 1 if a value was checked, 0 if it can't be read. */
  private static int checkValue(ImmuClient client, long txId, TxEntry e, Sha256Hasher hasher)
      throws VerificationException {
    byte[] key = e.key();
    if (key.length == 0) {
      throw new VerificationException(Reason.ENTRY_MISMATCH, "tx " + txId + " holds an empty key");
    }
    byte[] stored;
    if (key[0] == StoredKeys.PLAIN_PREFIX) {
      stored = readStored(client, txId, StoredKeys.userKey(key));
    } else if (key[0] == StoredKeys.ZSET_PREFIX) {
      stored = new byte[0];
    } else {
      return 0;
    }
    Sha256Digest h = hasher.hash(stored);
    if (!h.equals(e.hValue()) || stored.length != e.vLen()) {
      throw new VerificationException(
          Reason.ENTRY_MISMATCH,
          "the value of key "
              + show(key)
              + " read at tx "
              + txId
              + " does not hash to the value hash proven in that tx",
          null,
          e.hValue(),
          h);
    }
    return 1;
  }

  /** The stored form (spec v1 §3.2) of the value {@code userKey} was given in tx {@code txId}. */
  private static byte[] readStored(ImmuClient client, long txId, byte[] userKey)
      throws VerificationException {
    Entry got;
    try {
      got = client.getAt(userKey, txId);
    } catch (ImmuClientException.NotFoundException ex) {
      throw new VerificationException(
          Reason.ENTRY_MISMATCH,
          "the server finds no value of key "
              + show(StoredKeys.plain(userKey))
              + " at tx "
              + txId
              + ", which the proven tx holds");
    }
    Optional<Reference> ref = got.referencedBy();
    long writtenBy = ref.map(Reference::tx).orElse(got.tx());
    if (writtenBy != txId) {
      throw new VerificationException(
          Reason.TX_ID_MISMATCH,
          "asked for key "
              + show(StoredKeys.plain(userKey))
              + " at tx "
              + txId
              + ", got tx "
              + writtenBy);
    }
    return ref.isPresent()
        ? StoredValues.reference(ref.get().atTx(), got.key())
        : StoredValues.plain(got.value());
  }

  /** A stored key for a message: its user part as text if printable, else hex; at most 64. */
  static String show(byte[] storedKey) {
    int from = storedKey.length > 0 && storedKey[0] == StoredKeys.PLAIN_PREFIX ? 1 : 0;
    byte[] k = java.util.Arrays.copyOfRange(storedKey, from, Math.min(storedKey.length, from + 64));
    boolean printable = true;
    for (byte b : k) {
      printable &= b >= 0x20 && b < 0x7f;
    }
    return printable
        ? "'" + new String(k, StandardCharsets.US_ASCII) + "'"
        : "0x" + HexFormat.of().formatHex(storedKey, 0, Math.min(storedKey.length, 64));
  }
}
