package io.immudb.legacy.internal;

import com.google.protobuf.ByteString;
import io.immudb.core.ErrorCode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.kv.StoredKeys;
import io.immudb.embedded.database.Database;
import io.immudb.legacy.LegacyException;
import io.immudb.legacy.LegacyLedgers;
import io.immudb.legacy.proto.LegacyProto.Index;
import io.immudb.legacy.proto.LegacyProto.Item;
import io.immudb.legacy.proto.LegacyProto.Proof;
import io.immudb.legacy.tree.LegacyItem;
import io.immudb.legacy.tree.LegacyLeaf;
import io.immudb.legacy.tree.LegacyLedger;
import io.immudb.legacy.tree.LegacyProofs;
import io.immudb.legacy.tree.LegacyTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the v0.8 answers that carry leaf indices and proofs (spec v0.8 §2.2, §3.1). Thread-safe
 * (stateless).
 */
final class LegacyProofBuilder {
  private LegacyProofBuilder() {}

  /**
   * The effective previous root index {@code p} of spec v0.8 §3.1 step 2: the request's when it is
   * present and positive, else 0; {@code invalid root index} beyond the last index.
   */
  static long previousRoot(LegacyLedger l, boolean present, Index rootIndex) {
    if (!present || rootIndex.getIndex() == 0) {
      return 0;
    }
    long last = l.tree().size() - 1;
    if (rootIndex.getIndex() < 0 || rootIndex.getIndex() > last) {
      throw LegacyException.of(ErrorCode.INVALID_ARGUMENT, "invalid root index");
    }
    return rootIndex.getIndex();
  }

  /** The leaf index of entry {@code position} of tx {@code txId} of {@code db}. */
  static long indexOf(LegacyLedgers ledgers, Database db, long txId, int position) {
    try {
      return ledgers.ledger(db).indexOf(txId, position);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code e} with the leaf index of the entry that holds it: the entry of tx {@code e.tx()} whose
   * stored key is {@code e}'s.
   */
  static LegacyItem itemOf(LegacyLedgers ledgers, Database db, Entry e) {
    byte[] stored = StoredKeys.plain(e.key());
    List<StoredKeyValue> entries = db.export(e.tx()).entries();
    for (int i = 0; i < entries.size(); i++) {
      if (Arrays.equals(entries.get(i).key(), stored)) {
        return new LegacyItem(indexOf(ledgers, db, e.tx(), i), e.key(), e.value());
      }
    }
    throw new IllegalStateException("tx " + e.tx() + " does not hold the key it was read from");
  }

  static Item item(LegacyItem i) {
    return Item.newBuilder()
        .setKey(ByteString.copyFrom(i.key()))
        .setValue(ByteString.copyFrom(i.value()))
        .setIndex(i.index())
        .build();
  }

  static ByteString bytes(Sha256Digest d) {
    return ByteString.copyFrom(d.toByteArray());
  }

  /**
   * The {@code Proof} of {@code item} (spec v0.8 §2.2) at the tree's current size, with the
   * consistency path from {@code prev}. The leaf is recomputed from the item, as the client does.
   */
  static Proof proof(LegacyLedger l, LegacyItem item, long prev) {
    LegacyTree t = l.tree();
    long at = t.size() - 1;
    if (item.index() > at) {
      throw new IllegalStateException("leaf " + item.index() + " is not in the tree yet");
    }
    Proof.Builder p =
        Proof.newBuilder()
            .setLeaf(bytes(LegacyLeaf.hash(item.index(), item.key(), item.value())))
            .setIndex(item.index())
            .setRoot(bytes(LegacyProofs.root(t, at)))
            .setAt(at);
    for (Sha256Digest d : LegacyProofs.inclusionPath(t, item.index(), at)) {
      p.addInclusionPath(bytes(d));
    }
    for (Sha256Digest d : LegacyProofs.consistencyPath(t, prev, at)) {
      p.addConsistencyPath(bytes(d));
    }
    return p.build();
  }
}
