package io.immudb.legacy.internal;

import com.google.protobuf.UnknownFieldSet;
import io.immudb.core.ErrorCode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.Entry;
import io.immudb.core.kv.ZEntry;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.ScanRequest;
import io.immudb.embedded.database.ZScanRequest;
import io.immudb.legacy.LegacyException;
import io.immudb.legacy.LegacyHost;
import io.immudb.legacy.LegacyLedgers;
import io.immudb.legacy.proto.LegacyProto.ConsistencyProof;
import io.immudb.legacy.proto.LegacyProto.IScanOptions;
import io.immudb.legacy.proto.LegacyProto.InclusionProof;
import io.immudb.legacy.proto.LegacyProto.Index;
import io.immudb.legacy.proto.LegacyProto.Item;
import io.immudb.legacy.proto.LegacyProto.ItemList;
import io.immudb.legacy.proto.LegacyProto.ItemsCount;
import io.immudb.legacy.proto.LegacyProto.Key;
import io.immudb.legacy.proto.LegacyProto.KeyPrefix;
import io.immudb.legacy.proto.LegacyProto.Page;
import io.immudb.legacy.proto.LegacyProto.Proof;
import io.immudb.legacy.proto.LegacyProto.ReferenceOptions;
import io.immudb.legacy.proto.LegacyProto.SafeIndexOptions;
import io.immudb.legacy.proto.LegacyProto.SafeItem;
import io.immudb.legacy.proto.LegacyProto.SafeReferenceOptions;
import io.immudb.legacy.proto.LegacyProto.SafeZAddOptions;
import io.immudb.legacy.proto.LegacyProto.ScanOptions;
import io.immudb.legacy.proto.LegacyProto.ZAddOptions;
import io.immudb.legacy.proto.LegacyProto.ZScanOptions;
import io.immudb.legacy.tree.LegacyItem;
import io.immudb.legacy.tree.LegacyLeaf;
import io.immudb.legacy.tree.LegacyLedger;
import io.immudb.legacy.tree.LegacyProofs;
import io.immudb.legacy.tree.LegacyTree;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The v0.8 RPCs of spec v0.8 §4.4 that map onto {@link Database} and the v0.8 tree: scans, history,
 * count, entries by index, inclusion and consistency proofs, references and sorted sets (also their
 * safe writes, spec v0.8 §3). Each checks the caller's permission under the v1.1 method that does
 * the same. Thread-safe (stateless).
 */
final class LegacyOtherRpcs {
  /** Most items of one scan, history or zscan call ({@link Database#MAX_SCAN_LIMIT}). */
  private static final long MAX_LIMIT = Database.MAX_SCAN_LIMIT;

  private final LegacyHost host;
  private final LegacyLedgers ledgers;

  LegacyOtherRpcs(LegacyHost host, LegacyLedgers ledgers) {
    this.host = host;
    this.ledgers = ledgers;
  }

  private Database db(String v1Method, boolean write) {
    return host.database(LegacyCallAuth.current(), v1Method, write);
  }

  private static long limit(long asked) {
    return asked <= 0 || asked > MAX_LIMIT ? MAX_LIMIT : asked;
  }

  private ItemList items(Database db, List<Entry> entries) {
    ItemList.Builder b = ItemList.newBuilder();
    for (Entry e : entries) {
      b.addItems(LegacyProofBuilder.item(LegacyProofBuilder.itemOf(ledgers, db, e)));
    }
    return b.build();
  }

  ItemList scan(ScanOptions req) {
    if (LegacyKeys.reserved(req.getPrefix())) {
      throw LegacyException.of(ErrorCode.INVALID_ARGUMENT, "invalid key prefix");
    }
    if (LegacyKeys.reserved(req.getOffset())) {
      throw LegacyException.of(ErrorCode.INVALID_ARGUMENT, "invalid offset");
    }
    Database db = db("Scan", false);
    ScanRequest.Builder r =
        ScanRequest.builder()
            .prefix(req.getPrefix().toByteArray())
            .desc(req.getReverse())
            .limit(limit(req.getLimit()));
    if (!req.getOffset().isEmpty()) {
      r.seekKey(req.getOffset().toByteArray());
    }
    return items(db, db.scan(r.build()));
  }

  ItemsCount count(KeyPrefix req) {
    LegacyKeys.check(req.getPrefix(), "invalid key prefix");
    Database db = db("Count", false);
    return ItemsCount.newBuilder().setCount(db.count(req.getPrefix().toByteArray())).build();
  }

  ItemList history(Key req) {
    LegacyKeys.check(req.getKey());
    Database db = db("History", false);
    return items(db, db.history(req.getKey().toByteArray(), 0, MAX_LIMIT, true, 0));
  }

  private LegacyItem at(LegacyLedger l, long index) {
    LegacyItem item =
        l.item(index).orElseThrow(() -> LegacyException.of(ErrorCode.NOT_FOUND, "index not found"));
    Sha256Digest leaf = LegacyLeaf.hash(index, item.key(), item.value());
    if (!leaf.equals(l.tree().leaf(index))) {
      throw LegacyException.unknown(
          "insertion order index hash is not equal to the digest of the related value");
    }
    return item;
  }

  Item byIndex(Index req) {
    LegacyLedger l = ledgers.current(db("TxById", false));
    return LegacyProofBuilder.item(at(l, req.getIndex()));
  }

  SafeItem bySafeIndex(SafeIndexOptions req) {
    LegacyLedger l = ledgers.current(db("VerifiableTxById", false));
    long prev = LegacyProofBuilder.previousRoot(l, req.hasRootIndex(), req.getRootIndex());
    LegacyItem item = at(l, req.getIndex());
    return SafeItem.newBuilder()
        .setItem(LegacyProofBuilder.item(item))
        .setProof(LegacyProofBuilder.proof(l, item, prev))
        .build();
  }

  Page iScan(IScanOptions req) {
    LegacyLedger l = ledgers.current(db("TxScan", false));
    long size = Math.max(1, Math.min(req.getPageSize(), MAX_LIMIT));
    long from = req.getPageNumber() <= 1 ? 0 : (req.getPageNumber() - 1) * size;
    long n = l.tree().size();
    Page.Builder b = Page.newBuilder();
    for (long i = from; i < n && i < from + size; i++) {
      b.addItems(LegacyProofBuilder.item(at(l, i)));
    }
    if (b.getItemsCount() == 0) {
      throw LegacyException.of(ErrorCode.NOT_FOUND, "index not found");
    }
    return b.setMore(from + size < n).build();
  }

  InclusionProof inclusion(Index req) {
    LegacyLedger l = ledgers.current(db("CurrentState", false));
    LegacyTree t = l.tree();
    long at = t.size() - 1;
    long i = req.getIndex();
    if (i < 0 || i > at) {
      throw LegacyException.of(ErrorCode.NOT_FOUND, "index not found");
    }
    InclusionProof.Builder b =
        InclusionProof.newBuilder()
            .setAt(at)
            .setIndex(i)
            .setRoot(LegacyProofBuilder.bytes(LegacyProofs.root(t, at)))
            .setLeaf(LegacyProofBuilder.bytes(t.leaf(i)));
    LegacyProofs.inclusionPath(t, i, at).forEach(d -> b.addPath(LegacyProofBuilder.bytes(d)));
    return b.build();
  }

  ConsistencyProof consistency(Index req) {
    LegacyLedger l = ledgers.current(db("CurrentState", false));
    LegacyTree t = l.tree();
    long at = t.size() - 1;
    long f = req.getIndex();
    if (f < 0 || f > at) {
      throw LegacyException.of(ErrorCode.NOT_FOUND, "index not found");
    }
    ConsistencyProof.Builder b =
        ConsistencyProof.newBuilder()
            .setFirst(f)
            .setSecond(at)
            .setSecondRoot(LegacyProofBuilder.bytes(LegacyProofs.root(t, at)));
    LegacyProofs.consistencyPath(t, f, at).forEach(d -> b.addPath(LegacyProofBuilder.bytes(d)));
    return b.build();
  }

  Index reference(ReferenceOptions req) {
    checkReference(req);
    Database db = db("SetReference", true);
    return Index.newBuilder().setIndex(writeReference(db, req)).build();
  }

  /** {@code SafeReference} (spec v0.8 §3): the new reference entry, proven. */
  Proof safeReference(SafeReferenceOptions req) {
    checkReference(req.getRo());
    return safeWrite(
        db("VerifiableSetReference", true),
        req.hasRootIndex(),
        req.getRootIndex(),
        db -> writeReference(db, req.getRo()));
  }

  private static void checkReference(ReferenceOptions req) {
    LegacyKeys.check(req.getReference(), "invalid reference");
    LegacyKeys.check(req.getKey());
  }

  /** Writes the reference; returns its leaf index. */
  private long writeReference(Database db, ReferenceOptions req) {
    db.get(req.getKey().toByteArray()); // v0.8: the target must exist ("Key not found")
    TxHeader h =
        db.setReference(
            req.getReference().toByteArray(), req.getKey().toByteArray(), 0, false, false);
    return LegacyProofBuilder.indexOf(ledgers, db, h.id(), 0);
  }

  Index zAdd(ZAddOptions req) {
    checkZAdd(req);
    Database db = db("ZAdd", true);
    return Index.newBuilder().setIndex(writeZAdd(db, req)).build();
  }

  /** {@code SafeZAdd} (spec v0.8 §3): the new sorted-set entry, proven. */
  Proof safeZAdd(SafeZAddOptions req) {
    checkZAdd(req.getZopts());
    return safeWrite(
        db("VerifiableZAdd", true),
        req.hasRootIndex(),
        req.getRootIndex(),
        db -> writeZAdd(db, req.getZopts()));
  }

  /**
   * {@code ZAdd} with immudb4j's {@code double score = 2}. A v0.8.1 client's {@code Score} message
   * on field 2 (wire type 2) lands in the unknown fields and is refused, not read as score 0.
   */
  private static void checkZAdd(ZAddOptions req) {
    UnknownFieldSet unknown = req.getUnknownFields();
    if (unknown.hasField(2) || unknown.asMap().keySet().stream().anyMatch(f -> f >= 4)) {
      throw LegacyException.of(
          ErrorCode.INVALID_ARGUMENT,
          "malformed ZAddOptions: score (field 2) must be a double (wire type 1), and fields 4+"
              + " are not part of this API");
    }
    LegacyKeys.check(req.getSet(), "invalid set");
    LegacyKeys.check(req.getKey());
  }

  /** Adds the member; returns the leaf index of its entry. */
  private long writeZAdd(Database db, ZAddOptions req) {
    db.get(req.getKey().toByteArray()); // v0.8: the member must exist ("Key not found")
    TxHeader h =
        db.zAdd(
            req.getSet().toByteArray(),
            req.getScore(),
            req.getKey().toByteArray(),
            0,
            false,
            false);
    return LegacyProofBuilder.indexOf(ledgers, db, h.id(), 0);
  }

  /**
   * The safe protocol's write (spec v0.8 §3.1): the client's root index is checked before anything
   * is written, then {@code write} adds the entry, which is proven at the tree's new size.
   */
  private Proof safeWrite(
      Database db, boolean hasRoot, Index rootIndex, ToLongFunction<Database> write) {
    LegacyLedger l = ledgers.current(db);
    long prev = LegacyProofBuilder.previousRoot(l, hasRoot, rootIndex);
    long index = write.applyAsLong(db);
    return LegacyProofBuilder.proof(l, at(l, index), prev);
  }

  ItemList zScan(ZScanOptions req) {
    LegacyKeys.check(req.getSet(), "invalid set");
    Database db = db("ZScan", false);
    ZScanRequest r =
        ZScanRequest.builder(req.getSet().toByteArray())
            .desc(req.getReverse())
            .limit(limit(req.getLimit()))
            .build();
    ItemList.Builder b = ItemList.newBuilder();
    for (ZEntry z : db.zScan(r)) {
      b.addItems(LegacyProofBuilder.item(LegacyProofBuilder.itemOf(ledgers, db, z.entry())));
    }
    return b.build();
  }
}
