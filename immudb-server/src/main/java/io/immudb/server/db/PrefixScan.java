package io.immudb.server.db;

import io.immudb.core.kv.Entry;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.ScanRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every plain key under a prefix, page by page (a single scan returns at most {@link
 * Database#MAX_SCAN_LIMIT} entries). Stateless and thread-safe.
 */
public final class PrefixScan {
  private PrefixScan() {}

  /** Every latest entry whose user key starts with {@code prefix}, in key byte order. */
  public static List<Entry> all(Database db, byte[] prefix) {
    List<Entry> out = new ArrayList<>();
    byte[] seek = new byte[0];
    while (true) {
      List<Entry> page =
          db.scan(
              ScanRequest.builder()
                  .prefix(prefix)
                  .seekKey(seek)
                  .limit(Database.MAX_SCAN_LIMIT)
                  .build());
      out.addAll(page);
      if (page.size() < Database.MAX_SCAN_LIMIT) {
        return out;
      }
      seek = page.get(page.size() - 1).key();
    }
  }
}
