// The proof rules of immudb v1.1, checked in the browser with WebCrypto SHA-256.
// Written from the spec (immudb-v1-wire-and-proofs.md, restated by docs/protocol.md with the same
// section numbers); no DOM, so Node runs it too (immudb-http's ConsoleVerifierIT).
//
// Inputs are plain objects: digests are 32-byte Uint8Arrays, tx ids and sizes BigInts.
//   header: {id, prevAlh, ts, nEntries, eh, blTxId, blRoot}
//   dual:   {sourceTxHeader, targetTxHeader, inclusionProof[], consistencyProof[], targetBlTxAlh,
//            lastInclusionProof[], linearProof: {sourceTxId, targetTxId, terms[]}}
// A part that is null/undefined is missing, and a missing part is a failed proof.
// Verifiers never return booleans: they return nothing or throw a VerificationError that names
// the failed check (reason) and carries the expected and computed digests (the evidence).

// WebCrypto exists only in secure contexts: HTTPS, or http://localhost / 127.0.0.1.
const subtle = globalThis.crypto && globalThis.crypto.subtle;

export const DIGEST_LEN = 32;

/** A proof that does not verify: reason (what failed), message, expected and computed values. */
export class VerificationError extends Error {
  constructor(reason, message, expected, computed) {
    super(message);
    this.name = 'VerificationError';
    this.reason = reason;
    this.expected = expected === undefined ? null : expected;
    this.computed = computed === undefined ? null : computed;
  }
}

export function hex(bytes) {
  if (bytes == null) return '';
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(s) {
  if (s.length % 2 !== 0 || /[^0-9a-fA-F]/.test(s)) throw new Error('not hex: ' + s);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(2 * i, 2), 16);
  return out;
}

export function concat(...parts) {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equal(a, b) {
  if (a == null || b == null || a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

export function u64(n) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

export function i64(n) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(n));
  return b;
}

export function u32(n) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, Number(n));
  return b;
}

/** H(x), spec §1. */
export async function sha256(...parts) {
  if (!subtle) {
    throw new VerificationError(
      'NO_WEBCRYPTO',
      'this browser offers no WebCrypto here: open the console over HTTPS (--certificate/--pkey) or on localhost');
  }
  return new Uint8Array(await subtle.digest('SHA-256', concat(...parts)));
}

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);
export const ZERO = new Uint8Array(DIGEST_LEN);

/** LEAF(d) = H(0x00 ‖ d), spec §1. */
export function leaf(d) {
  return sha256(LEAF_PREFIX, d);
}

/** NODE(l, r) = H(0x01 ‖ l ‖ r), spec §1. */
export function node(l, r) {
  return sha256(NODE_PREFIX, l, r);
}

function requireDigest(d, what) {
  if (!(d instanceof Uint8Array) || d.length !== DIGEST_LEN) {
    throw new VerificationError('MALFORMED_PROOF', what + ' is not a 32-byte digest');
  }
  return d;
}

function requireList(list, what) {
  if (!Array.isArray(list)) throw new VerificationError('MALFORMED_PROOF', what + ' is missing');
  list.forEach((t, k) => requireDigest(t, what + '[' + k + ']'));
  return list;
}

/** Entry digest H(storedKey ‖ H(storedValue)), spec §3.4. */
export async function entryDigest(storedKey, storedValue) {
  return sha256(storedKey, await sha256(storedValue));
}

/** Plain key-value stored forms, spec §3.2: 0x00 ‖ key, 0x00 ‖ value. */
export function storedPlain(bytes) {
  return concat(new Uint8Array([0]), bytes);
}

/** Stored value of a reference, spec §3.2: 0x01 ‖ u64(atTx) ‖ 0x00 ‖ referencedKey. */
export function storedReference(atTx, referencedKey) {
  return concat(new Uint8Array([1]), u64(atTx), new Uint8Array([0]), referencedKey);
}

/** Inner hash, spec §5.2. */
export function innerHash(h) {
  return sha256(i64(h.ts), u32(h.nEntries), h.eh, u64(h.blTxId), h.blRoot);
}

/** Alh = H(u64(id) ‖ prevAlh ‖ innerHash), spec §5.3. */
export async function alh(h) {
  if (h == null) throw new VerificationError('MALFORMED_PROOF', 'tx header is missing');
  for (const f of ['prevAlh', 'eh', 'blRoot']) requireDigest(h[f], 'header ' + f);
  return sha256(u64(h.id), h.prevAlh, await innerHash(h));
}

/** The tx Merkle tree's levels over leaf hashes (spec §4.1): levels[0] = leaves, last = [eH]. */
export async function txTreeLevels(digests) {
  const levels = [await Promise.all(digests.map((d) => leaf(d)))];
  while (levels[levels.length - 1].length > 1) {
    const cur = levels[levels.length - 1];
    const next = [];
    for (let k = 0; k + 1 < cur.length; k += 2) next.push(await node(cur[k], cur[k + 1]));
    if (cur.length % 2 === 1) next.push(cur[cur.length - 1]);
    levels.push(next);
  }
  return levels;
}

/** Checks entry digest d is leaf `proof.leaf` of the tx tree with root eh (spec §4.3). */
export async function verifyTxInclusion(proof, d, eh) {
  if (proof == null) throw new VerificationError('MALFORMED_PROOF', 'inclusion proof is missing');
  requireList(proof.terms, 'inclusion proof terms');
  requireDigest(eh, 'eH');
  const leafIndex = BigInt(proof.leaf);
  const width = BigInt(proof.width);
  if (leafIndex < 0n || width < 1n || leafIndex >= width) {
    throw new VerificationError('MALFORMED_PROOF', `entry ${leafIndex} of ${width}`);
  }
  let c = await leaf(d);
  let i = leafIndex;
  let r = width - 1n;
  for (const t of proof.terms) {
    c = i % 2n === 0n && i !== r ? await node(c, t) : await node(t, c);
    i >>= 1n;
    r >>= 1n;
  }
  if (i !== r || !equal(c, eh)) {
    throw new VerificationError(
      'TX_INCLUSION', `entry ${leafIndex} of ${width} does not lead to the tx's eH`, eh, c);
  }
}

function largestPowerOfTwoBelow(n) {
  let k = 1n;
  while (k << 1n < n) k <<= 1n;
  return k;
}

/** Number of terms of PATH(m, n) (spec §4.2/§6.3): one per level of the recursion. */
export function auditPathLength(m, n) {
  let len = 0;
  while (n > 1n) {
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      n = k;
    } else {
      m -= k;
      n -= k;
    }
    len++;
  }
  return len;
}

/** Number of terms of CONS(i, j) (spec §6.4): SUBPROOF's recursion plus the old-tree root. */
export function consistencyLength(i, j) {
  if (i === j) return j === 1n ? 0 : 2;
  let len = 1;
  let m = i;
  let n = j;
  while (m !== n) {
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      n = k;
    } else {
      m -= k;
      n -= k;
    }
    len++;
  }
  return len;
}

function requireLength(proof, want, what) {
  if (proof.length !== want) {
    throw new VerificationError(
      'MALFORMED_PROOF', `${what} needs ${want} terms, has ${proof.length}`);
  }
}

/** Checks LEAF(alhI) is leaf i of the AHT of size j with root rootJ (spec §6.3). */
export async function verifyAhtInclusion(proof, i, j, alhI, rootJ) {
  requireList(proof, 'AHT inclusion proof');
  i = BigInt(i);
  j = BigInt(j);
  if (i < 1n || i > j || (i < j && proof.length === 0)) {
    throw new VerificationError('MALFORMED_PROOF', `malformed inclusion proof for ${i} in ${j}`);
  }
  requireLength(proof, auditPathLength(i - 1n, j), `inclusion proof of ${i} in ${j}`);
  let a = i - 1n;
  let b = j - 1n;
  let c = await leaf(alhI);
  for (const t of proof) {
    c = a % 2n === 0n && a !== b ? await node(c, t) : await node(t, c);
    a >>= 1n;
    b >>= 1n;
  }
  if (!equal(c, rootJ)) {
    throw new VerificationError('AHT_INCLUSION', `inclusion of ${i} in ${j} fails`, rootJ, c);
  }
}

/** Checks the AHT of size j (rootJ) extends that of size i (rootI) (spec §6.4). */
export async function verifyConsistency(proof, i, j, rootI, rootJ) {
  requireList(proof, 'consistency proof');
  i = BigInt(i);
  j = BigInt(j);
  if (i < 1n || i > j || (i < j && proof.length === 0)) {
    throw new VerificationError('MALFORMED_PROOF', `malformed consistency proof ${i} -> ${j}`);
  }
  if (i === j && proof.length === 0) {
    if (!equal(rootI, rootJ)) {
      throw new VerificationError('AHT_CONSISTENCY', `size ${i} with two roots`, rootI, rootJ);
    }
    return;
  }
  requireLength(proof, consistencyLength(i, j), `consistency proof ${i} -> ${j}`);
  let f = i - 1n;
  let s = j - 1n;
  while (f % 2n === 1n) {
    f >>= 1n;
    s >>= 1n;
  }
  let ci = proof[0];
  let cj = proof[0];
  for (const t of proof.slice(1)) {
    if (f % 2n === 1n || f === s) {
      ci = await node(t, ci);
      cj = await node(t, cj);
      while (f % 2n === 0n && f !== 0n) {
        f >>= 1n;
        s >>= 1n;
      }
    } else {
      cj = await node(cj, t);
    }
    f >>= 1n;
    s >>= 1n;
  }
  if (!equal(ci, rootI)) {
    throw new VerificationError(
      'AHT_CONSISTENCY', `consistency ${i} -> ${j}: not the old root`, rootI, ci);
  }
  if (!equal(cj, rootJ)) {
    throw new VerificationError(
      'AHT_CONSISTENCY', `consistency ${i} -> ${j}: not the new root`, rootJ, cj);
  }
}

/** Checks LEAF(alhJ) is the last leaf of the AHT of size j with root rootJ (spec §6.5). */
export async function verifyLastInclusion(proof, j, alhJ, rootJ) {
  requireList(proof, 'last-inclusion proof');
  j = BigInt(j);
  if (j < 1n) throw new VerificationError('MALFORMED_PROOF', 'last inclusion in an empty tree');
  requireLength(proof, auditPathLength(j - 1n, j), `last-inclusion proof in ${j}`);
  let c = await leaf(alhJ);
  for (const t of proof) c = await node(t, c);
  if (!equal(c, rootJ)) {
    throw new VerificationError('AHT_LAST_INCLUSION', `last inclusion in ${j} fails`, rootJ, c);
  }
}

/** Checks the linear proof from (s, alhS) to (t, alhT) (spec §7.1, with the Go term count). */
export async function verifyLinear(proof, s, t, alhS, alhT) {
  if (proof == null) throw new VerificationError('MALFORMED_PROOF', 'linear proof is missing');
  requireList(proof.terms, 'linear proof terms');
  s = BigInt(s);
  t = BigInt(t);
  if (BigInt(proof.sourceTxId) !== s || BigInt(proof.targetTxId) !== t) {
    throw new VerificationError(
      'LINEAR', `linear proof ${proof.sourceTxId} -> ${proof.targetTxId}, expected ${s} -> ${t}`);
  }
  if (s < 1n || s > t || BigInt(proof.terms.length) !== t - s + 1n) {
    throw new VerificationError('MALFORMED_PROOF', `malformed linear proof ${s} -> ${t}`);
  }
  if (!equal(proof.terms[0], alhS)) {
    throw new VerificationError('LINEAR', 'linear proof starts elsewhere', alhS, proof.terms[0]);
  }
  let acc = proof.terms[0];
  for (let k = 1; k < proof.terms.length; k++) {
    acc = await sha256(u64(s + BigInt(k)), acc, proof.terms[k]);
  }
  if (!equal(acc, alhT)) {
    throw new VerificationError('LINEAR', `linear proof ${s} -> ${t} fails`, alhT, acc);
  }
}

function requireEmpty(list, what) {
  if (list.length !== 0) {
    throw new VerificationError('MALFORMED_PROOF', `${what} must be empty here`);
  }
}

/**
 * Checks that the dual proof shows tx (targetId, targetAlh) extends (sourceId, sourceAlh)
 * (spec §7.3), plus the linear-fake guard: with synchronous linking at most one tx lies outside
 * the AHT on either side.
 */
export async function verifyDual(p, sourceId, targetId, sourceAlh, targetAlh) {
  if (p == null) throw new VerificationError('MALFORMED_PROOF', 'dual proof is missing');
  const source = p.sourceTxHeader;
  const target = p.targetTxHeader;
  if (source == null || target == null) {
    throw new VerificationError('MALFORMED_PROOF', 'dual proof is missing a header');
  }
  requireList(p.inclusionProof, 'inclusionProof');
  requireList(p.consistencyProof, 'consistencyProof');
  requireList(p.lastInclusionProof, 'lastInclusionProof');
  requireDigest(p.targetBlTxAlh, 'targetBlTxAlh');
  if (p.linearProof == null) throw new VerificationError('MALFORMED_PROOF', 'no linear proof');
  sourceId = BigInt(sourceId);
  targetId = BigInt(targetId);
  if (BigInt(source.id) !== sourceId || BigInt(target.id) !== targetId) {
    throw new VerificationError(
      'TX_ID_MISMATCH',
      `dual proof is for ${source.id} -> ${target.id}, expected ${sourceId} -> ${targetId}`);
  }
  if (sourceId < 1n || sourceId > targetId) {
    throw new VerificationError('MALFORMED_PROOF', 'requires 0 < sourceId <= targetId');
  }
  const sAlh = await alh(source);
  if (!equal(sAlh, sourceAlh)) {
    throw new VerificationError(
      'ALH_MISMATCH', `tx ${sourceId}'s header does not hash to the expected Alh`, sourceAlh, sAlh);
  }
  const tAlh = await alh(target);
  if (!equal(tAlh, targetAlh)) {
    throw new VerificationError(
      'ALH_MISMATCH', `tx ${targetId}'s header does not hash to the expected Alh`, targetAlh, tAlh);
  }
  const blTxId = BigInt(target.blTxId);
  const sBlTxId = BigInt(source.blTxId);
  if (sourceId < blTxId) {
    await verifyAhtInclusion(p.inclusionProof, sourceId, blTxId, sourceAlh, target.blRoot);
  } else {
    requireEmpty(p.inclusionProof, 'inclusionProof');
  }
  if (sBlTxId > 0n) {
    await verifyConsistency(p.consistencyProof, sBlTxId, blTxId, source.blRoot, target.blRoot);
  } else {
    requireEmpty(p.consistencyProof, 'consistencyProof');
  }
  if (blTxId > 0n) {
    await verifyLastInclusion(p.lastInclusionProof, blTxId, p.targetBlTxAlh, target.blRoot);
  } else {
    requireEmpty(p.lastInclusionProof, 'lastInclusionProof');
    if (!equal(p.targetBlTxAlh, ZERO)) {
      throw new VerificationError('MALFORMED_PROOF', 'targetBlTxAlh must be zero here');
    }
  }
  if (sourceId < blTxId) {
    await verifyLinear(p.linearProof, blTxId, targetId, p.targetBlTxAlh, targetAlh);
  } else {
    await verifyLinear(p.linearProof, sourceId, targetId, sourceAlh, targetAlh);
  }
  const linearSteps = targetId - (sourceId > blTxId ? sourceId : blTxId);
  const consumed = (sourceId < blTxId ? sourceId : blTxId) - sBlTxId;
  if (linearSteps > 1n || consumed > 1n) {
    throw new VerificationError(
      'LINEAR', 'linear-fake guard: a linear part spans more than one tx outside the AHT');
  }
}
