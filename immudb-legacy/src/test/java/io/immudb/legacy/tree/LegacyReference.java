package io.immudb.legacy.tree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.util.ArrayList;
import java.util.List;

/** The recursive RFC 6962 definitions of spec v0.8 §1.2 and §2.1, written naively, for tests. */
final class LegacyReference {
  private LegacyReference() {}

  static Sha256Digest mth(List<Sha256Digest> l) {
    if (l.size() == 1) {
      return l.get(0);
    }
    int k = Integer.highestOneBit(l.size() - 1);
    return Sha256Hasher.create().node(mth(l.subList(0, k)), mth(l.subList(k, l.size())));
  }

  static List<Sha256Digest> path(int i, List<Sha256Digest> l) {
    List<Sha256Digest> out = new ArrayList<>();
    if (l.size() <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(l.size() - 1);
    if (i < k) {
      out.addAll(path(i, l.subList(0, k)));
      out.add(mth(l.subList(k, l.size())));
    } else {
      out.addAll(path(i - k, l.subList(k, l.size())));
      out.add(mth(l.subList(0, k)));
    }
    return out;
  }

  static List<Sha256Digest> proof(int m, List<Sha256Digest> l) {
    return 0 < m && m < l.size() ? sub(m, l, true) : List.of();
  }

  private static List<Sha256Digest> sub(int m, List<Sha256Digest> l, boolean b) {
    List<Sha256Digest> out = new ArrayList<>();
    if (m == l.size()) {
      if (!b) {
        out.add(mth(l));
      }
      return out;
    }
    int k = Integer.highestOneBit(l.size() - 1);
    if (m <= k) {
      out.addAll(sub(m, l.subList(0, k), b));
      out.add(mth(l.subList(k, l.size())));
    } else {
      out.addAll(sub(m - k, l.subList(k, l.size()), false));
      out.add(mth(l.subList(0, k)));
    }
    return out;
  }
}
