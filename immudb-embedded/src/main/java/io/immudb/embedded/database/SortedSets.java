package io.immudb.embedded.database;

import io.immudb.core.kv.Entry;
import io.immudb.core.kv.ZAddKeyCodec;
import io.immudb.core.kv.ZEntry;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.InvalidRequestException.Kind;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.index.KeyVersion;
import io.immudb.embedded.internal.index.ScanSpec;
import io.immudb.embedded.store.ImmuStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorted-set scans (spec v1 §9.7 {@code ZScan}) over the index's {@code 0x01} namespace.
 *
 * <p>Members are visited in the byte order of their stored keys (spec v1 §3.3), page by page,
 * filtered by the score bounds, and each is returned with its member's value read at the bound tx
 * (or latest). Thread-safe (stateless over a thread-safe store).
 */
final class SortedSets {
  private static final int PAGE = 256;

  private final ImmuStore store;
  private final KeyReader reader;

  SortedSets(ImmuStore store, KeyReader reader) {
    this.store = store;
    this.reader = reader;
  }

  List<ZEntry> scan(ZScanRequest req, int limit) {
    if (req.set().length == 0) {
      throw new InvalidRequestException(Kind.ILLEGAL_ARGUMENTS, "empty set name");
    }
    byte[] prefix = ZAddKeyCodec.setPrefix(req.set());
    byte[] seek = null;
    boolean inclusive = false;
    if (req.seekKey().length > 0) {
      seek = ZAddKeyCodec.encode(req.set(), req.seekScore(), req.seekKey(), req.seekAtTx());
      inclusive = req.inclusiveSeek();
    }
    List<ZEntry> out = new ArrayList<>();
    try (IndexSnapshot s = store.indexSnapshot()) {
      while (out.size() < limit) {
        List<KeyVersion> page =
            s.scan(new ScanSpec(prefix, seek, inclusive, null, false, req.desc(), PAGE, 0));
        for (KeyVersion kv : page) {
          ZAddKeyCodec.ZKey z = ZAddKeyCodec.decode(kv.storedKey());
          if (inRange(z.score(), req) && out.size() < limit) {
            Entry e = reader.get(s, z.userKey(), z.atTx()).entry();
            out.add(new ZEntry(z.set(), z.userKey(), e, z.score(), z.atTx()));
          }
        }
        if (page.size() < PAGE) {
          break;
        }
        seek = page.get(page.size() - 1).storedKey();
        inclusive = false;
      }
    }
    return out;
  }

  private static boolean inRange(double score, ZScanRequest req) {
    return (req.minScore() == null || score >= req.minScore())
        && (req.maxScore() == null || score <= req.maxScore());
  }
}
