package io.immudb.embedded.database;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.Reference;
import io.immudb.core.kv.Show;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.KeyNotFoundException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.store.ImmuStore;
import java.util.Optional;

/**
 * Reads plain keys and resolves references (spec v1 §9.7, {@code Get}) over one index snapshot.
 *
 * <p>Thread-safe (stateless over a thread-safe store); each call uses the snapshot it is given.
 */
final class KeyReader {
  private final ImmuStore store;

  KeyReader(ImmuStore store) {
    this.store = store;
  }

  /** A stored value read through the index, with where it came from. */
  record Stored(byte[] storedKey, EntryRef ref, byte[] storedValue) {}

  /**
   * Reads the stored value of plain key {@code userKey}: the latest one, or the one written by
   * exactly tx {@code atTx} when {@code atTx > 0}.
   *
   * @throws KeyNotFoundException if there is none
   */
  Stored readStored(IndexSnapshot s, byte[] userKey, long atTx) {
    byte[] sk = StoredKeys.plain(userKey);
    Optional<EntryRef> ref = atTx > 0 ? s.getAt(sk, atTx) : s.get(sk);
    if (ref.isEmpty() || (atTx > 0 && ref.get().txId() != atTx)) {
      throw new KeyNotFoundException(userKey, atTx);
    }
    return new Stored(sk, ref.get(), store.readValue(ref.get()));
  }

  /**
   * The latest version of plain key {@code userKey} read without an index snapshot, or null when
   * the key has none or holds a reference: the caller then reads it through a snapshot, which also
   * resolves references in one consistent view.
   */
  Resolved latestPlain(byte[] userKey) {
    byte[] sk = StoredKeys.plain(userKey);
    EntryRef ref = store.latestRef(sk);
    if (ref == null) {
      return null;
    }
    byte[] v = store.readValue(ref);
    if (StoredValues.isReference(v)) {
      return null;
    }
    Entry e = new Entry(ref.txId(), userKey, StoredValues.userValue(v), null);
    return new Resolved(e, new Stored(sk, ref, v));
  }

  /** Whether {@code userKey} currently exists as a plain key or a reference. */
  Optional<Stored> find(IndexSnapshot s, byte[] userKey, long atTx) {
    try {
      return Optional.of(readStored(s, userKey, atTx));
    } catch (KeyNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@code userKey} and follows a reference one level (spec v1 §9.7 {@code Get}).
   *
   * @return the entry and the stored entry that was read directly (the reference, if any)
   */
  Resolved get(IndexSnapshot s, byte[] userKey, long atTx) {
    Stored direct = readStored(s, userKey, atTx);
    return new Resolved(resolve(s, userKey, direct), direct);
  }

  /** An entry plus the stored entry read directly for it (the key itself, or the reference). */
  record Resolved(Entry entry, Stored direct) {}

  /** Turns a stored plain or reference value of {@code userKey} into an {@link Entry}. */
  Entry resolve(IndexSnapshot s, byte[] userKey, Stored direct) {
    byte[] v = direct.storedValue();
    if (!StoredValues.isReference(v)) {
      return new Entry(direct.ref().txId(), userKey, StoredValues.userValue(v), null);
    }
    StoredValues.ReferenceValue r = StoredValues.decodeReference(v);
    Stored target;
    try {
      target = readStored(s, r.referencedUserKey(), r.atTx());
    } catch (KeyNotFoundException e) {
      throw new KeyNotFoundException(r.referencedUserKey(), r.atTx());
    }
    if (StoredValues.isReference(target.storedValue())) {
      throw new InvalidRequestException(
          Kind.RESOLUTION_LIMIT, "key " + Show.bytes(userKey) + " leads to another reference");
    }
    return new Entry(
        target.ref().txId(),
        r.referencedUserKey(),
        StoredValues.userValue(target.storedValue()),
        new Reference(direct.ref().txId(), userKey, r.atTx()));
  }
}
