package io.immudb.core.reference;

import io.immudb.core.crypto.Sha256Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Mutations of proofs for tests: bit flips and structural edits, each with a name. */
public final class ProofMutations {
  private ProofMutations() {}

  /** Flips bit {@code bit % 8} of byte {@code bit / 8}. */
  public static Sha256Digest flipBit(Sha256Digest d, int bit) {
    byte[] b = d.toByteArray();
    b[bit / 8] ^= (byte) (1 << (bit % 8));
    return Sha256Digest.of(b);
  }

  /**
   * The bits to flip in one digest: all 8 bits of byte 0 and of byte 31, and one random bit of
   * every other byte (46 flips, touching every byte).
   */
  public static int[] bitsToFlip(Random rnd) {
    int[] out = new int[46];
    int n = 0;
    for (int b = 0; b < 8; b++) {
      out[n++] = b;
      out[n++] = 31 * 8 + b;
    }
    for (int by = 1; by < 31; by++) {
      out[n++] = by * 8 + rnd.nextInt(8);
    }
    return out;
  }

  /**
   * Whether a bit-flip mutation named by {@link #bitFlips} should also go through the throwing
   * verifier. Building an exception costs several microseconds, so property tests check every flip
   * through the compute-only {@code rootFrom…} path (which the verifier applies once the term count
   * is right, and flips do not change it) and only these two per term through the verifier.
   */
  public static boolean viaVerifier(String mutationName) {
    return mutationName.endsWith("-bit-@0") || mutationName.endsWith("-bit-@255");
  }

  /** A fresh random digest. */
  public static Sha256Digest randomDigest(Random rnd) {
    byte[] b = new byte[32];
    rnd.nextBytes(b);
    return Sha256Digest.of(b);
  }

  /** Every proof with one term's bit flipped, per {@link #bitsToFlip}, keyed by name. */
  public static Map<String, List<Sha256Digest>> bitFlips(List<Sha256Digest> proof, Random rnd) {
    Map<String, List<Sha256Digest>> out = new LinkedHashMap<>();
    for (int k = 0; k < proof.size(); k++) {
      for (int bit : bitsToFlip(rnd)) {
        List<Sha256Digest> p = new ArrayList<>(proof);
        p.set(k, flipBit(p.get(k), bit));
        out.put("modified-proof[" + k + "]-bit-@" + bit, p);
      }
    }
    return out;
  }

  /**
   * Every proof with one term dropped, one random term inserted at each position (the last position
   * is the "appended" case), a term duplicated at the end, and the empty proof.
   */
  public static Map<String, List<Sha256Digest>> structural(List<Sha256Digest> proof, Random rnd) {
    Map<String, List<Sha256Digest>> out = new LinkedHashMap<>();
    for (int k = 0; k < proof.size(); k++) {
      List<Sha256Digest> p = new ArrayList<>(proof);
      p.remove(k);
      out.put("dropped-proof[" + k + "]", p);
    }
    for (int k = 0; k <= proof.size(); k++) {
      List<Sha256Digest> p = new ArrayList<>(proof);
      p.add(k, randomDigest(rnd));
      out.put(k == proof.size() ? "appended-proof" : "inserted-proof[" + k + "]", p);
    }
    if (!proof.isEmpty()) {
      List<Sha256Digest> p = new ArrayList<>(proof);
      p.add(proof.get(proof.size() - 1));
      out.put("duplicated-last", p);
      out.put("empty-proof", List.of());
    }
    return out;
  }
}
