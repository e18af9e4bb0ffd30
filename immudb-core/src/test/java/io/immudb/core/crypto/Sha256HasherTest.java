package io.immudb.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Sha256HasherTest {
  private final Sha256Hasher h = Sha256Hasher.create();

  @Test
  void flatArrayVariantsEqualTheDigestOnes() {
    Sha256Digest a = h.hash(new byte[] {1});
    Sha256Digest b = h.hash(new byte[] {2});
    byte[] buf = new byte[5 * 32];
    h.leafInto(a, buf, 32);
    assertThat(Sha256Digest.of(buf, 32)).isEqualTo(h.leaf(a));
    a.copyTo(buf, 64);
    b.copyTo(buf, 96);
    h.nodeInto(buf, 64, buf, 0);
    assertThat(Sha256Digest.of(buf, 0)).isEqualTo(h.node(a, b));
    // the hasher is clean for the next use
    assertThat(h.hash(new byte[0])).isEqualTo(Sha256Digest.EMPTY);
  }

  @Test
  void leafAndNodeAreDomainSeparated() {
    Sha256Digest d = Sha256Digest.ZERO;
    byte[] leafPreimage = new byte[33];
    assertThat(h.leaf(d)).isEqualTo(h.hash(leafPreimage));
    byte[] nodePreimage = new byte[65];
    nodePreimage[0] = 1;
    assertThat(h.node(d, d)).isEqualTo(h.hash(nodePreimage));
  }

  @Test
  void intoRejectsShortDestinations() {
    assertThatThrownBy(() -> h.leafInto(Sha256Digest.ZERO, new byte[40], 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(h.hash(new byte[0])).isEqualTo(Sha256Digest.EMPTY);
  }
}
