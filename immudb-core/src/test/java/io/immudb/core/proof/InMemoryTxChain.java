package io.immudb.core.proof;

import io.immudb.core.ahtree.AhtNodes;
import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.TxEntry;
import io.immudb.core.tx.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A {@link TxChain} in memory, for tests. Not thread-safe.
 *
 * <p>{@link #commit} builds headers the way a server does (spec v1 §5); {@link #append} takes any
 * header, so tests can also build the forked or asynchronously linked chains a malicious server
 * would present.
 */
public final class InMemoryTxChain implements TxChain {
  private final List<TxHeader> headers = new ArrayList<>();
  private final List<Sha256Digest> alhs = new ArrayList<>();
  private final InMemoryAhTree aht = new InMemoryAhTree();
  private final Sha256Hasher h = Sha256Hasher.create();

  /** A synchronously linked chain of {@code txs} transactions with 1–4 random entries each. */
  public static InMemoryTxChain random(int txs, long seed) {
    Random rnd = new Random(seed);
    InMemoryTxChain c = new InMemoryTxChain();
    for (int id = 1; id <= txs; id++) {
      c.commit(randomEntries(rnd, 1 + rnd.nextInt(4)), 1_632_000_000L + id);
    }
    return c;
  }

  /** {@code n} entries with random plain keys and values. */
  public static List<TxEntry> randomEntries(Random rnd, int n) {
    List<TxEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] key = new byte[1 + rnd.nextInt(8)];
      byte[] value = new byte[rnd.nextInt(16)];
      rnd.nextBytes(key);
      rnd.nextBytes(value);
      key[0] = 0;
      out.add(entry(key, value));
    }
    return out;
  }

  /** An entry for a stored key and stored value. */
  public static TxEntry entry(byte[] storedKey, byte[] storedValue) {
    return new TxEntry(storedKey, Sha256Hasher.create().hash(storedValue), storedValue.length);
  }

  /** Commits with synchronous linking: {@code blTxId = id − 1}. */
  public TxHeader commit(List<TxEntry> entries, long ts) {
    return commit(entries, ts, size());
  }

  /** Commits with the given {@code blTxId ≤ size()}. */
  public TxHeader commit(List<TxEntry> entries, long ts, long blTxId) {
    long id = size() + 1;
    Sha256Digest prev = id == 1 ? Sha256Digest.EMPTY : alh(id - 1);
    Sha256Digest blRoot = blTxId == 0 ? Sha256Digest.ZERO : AhtProofs.root(aht, blTxId, h);
    Sha256Digest eh = HTree.ofEntries(entries, h).root();
    return append(new TxHeader(id, prev, ts, entries.size(), eh, blTxId, blRoot));
  }

  /** Appends any header with id {@code size() + 1}; its Alh becomes the next AHT leaf. */
  public TxHeader append(TxHeader header) {
    if (header.id() != size() + 1) {
      throw new IllegalArgumentException("next id is " + (size() + 1));
    }
    headers.add(header);
    Sha256Digest alh = header.alh(h);
    alhs.add(alh);
    aht.append(alh);
    return header;
  }

  public long size() {
    return headers.size();
  }

  @Override
  public TxHeader header(long txId) {
    return headers.get(Math.toIntExact(txId - 1));
  }

  @Override
  public Sha256Digest alh(long txId) {
    return alhs.get(Math.toIntExact(txId - 1));
  }

  @Override
  public AhtNodes aht() {
    return aht;
  }
}
