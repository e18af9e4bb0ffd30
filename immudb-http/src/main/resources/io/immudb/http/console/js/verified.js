// Verified reads and writes over the REST API's JSON (proto3 JSON mapping: bytes base64, 64-bit
// integers strings, default values omitted), checked against a trusted state {db, txId, txHash}
// as spec §7.4 says. No DOM and no storage: the caller keeps the state (state.js) and shows the
// report. Every function returns {report, state}: report.checks lists each check with what it
// compared; a failed check throws a VerificationError carrying the report.
import * as v from './verify.js';

/** base64 (standard or URL-safe) to bytes; absent means empty. */
export function unb64(s) {
  if (s == null || s === '') return new Uint8Array(0);
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function b64(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export const utf8 = (s) => new TextEncoder().encode(s);
export const text = (b) => new TextDecoder('utf-8', { fatal: false }).decode(b);

const big = (x) => BigInt(x == null || x === '' ? 0 : x);

/** TxMetadata JSON to a header of verify.js; null stays null. */
export function header(m) {
  if (m == null) return null;
  return {
    id: big(m.id),
    prevAlh: unb64(m.prevAlh),
    ts: big(m.ts),
    nEntries: Number(m.nentries || 0),
    eh: unb64(m.eH),
    blTxId: big(m.blTxId),
    blRoot: unb64(m.blRoot),
  };
}

/** DualProof JSON to a dual proof of verify.js (absent lists are empty, as the mapping omits them). */
export function dualProof(d) {
  if (d == null) return null;
  const list = (l) => (l || []).map(unb64);
  return {
    sourceTxHeader: header(d.sourceTxMetadata),
    targetTxHeader: header(d.targetTxMetadata),
    inclusionProof: list(d.inclusionProof),
    consistencyProof: list(d.consistencyProof),
    targetBlTxAlh: unb64(d.targetBlTxAlh),
    lastInclusionProof: list(d.lastInclusionProof),
    linearProof:
      d.linearProof == null
        ? null
        : {
            sourceTxId: big(d.linearProof.sourceTxId),
            targetTxId: big(d.linearProof.TargetTxId),
            terms: list(d.linearProof.terms),
          },
  };
}

/** A report of checks; check() runs one and records it, rethrowing a failure with the report. */
export class Report {
  constructor(what, trusted) {
    this.what = what;
    this.trusted = trusted ? { txId: String(trusted.txId), txHash: trusted.txHash } : null;
    this.checks = [];
    this.ok = false;
  }

  async check(name, fn) {
    try {
      const detail = await fn();
      this.checks.push({ name, ok: true, detail: detail || '' });
    } catch (e) {
      const err =
        e instanceof v.VerificationError ? e : new v.VerificationError('MALFORMED_PROOF', String(e));
      this.checks.push({
        name,
        ok: false,
        detail: err.message,
        reason: err.reason,
        expected: v.hex(err.expected),
        computed: v.hex(err.computed),
      });
      err.report = this;
      throw err;
    }
  }
}

function same(a, b, what) {
  if (!v.equal(a, b)) throw new v.VerificationError('ENTRY_MISMATCH', what, a, b);
}

/**
 * The dual proof between the trusted state and tx `txId` whose header is proven, in the direction
 * spec §7.4 gives; returns {provenHeader, state} with state advanced if the tx is newer.
 */
async function checkDual(report, dual, txId, trusted) {
  const trustedId = big(trusted.txId);
  const trustedAlh = v.fromHex(trusted.txHash);
  let provenHeader;
  let next = trusted;
  if (dual == null || dual.sourceTxHeader == null || dual.targetTxHeader == null) {
    await report.check('dual proof present', () => {
      throw new v.VerificationError('MALFORMED_PROOF', 'the answer has no complete dual proof');
    });
  }
  if (trustedId <= txId) {
    provenHeader = dual.targetTxHeader;
    const targetAlh = await v.alh(provenHeader);
    await report.check(`dual proof: tx ${trustedId} (trusted) -> tx ${txId}`, async () => {
      await v.verifyDual(dual, trustedId, txId, trustedAlh, targetAlh);
      return `Alh of tx ${txId} = ${v.hex(targetAlh)}`;
    });
    if (txId > trustedId) next = { db: trusted.db, txId: String(txId), txHash: v.hex(targetAlh) };
  } else {
    provenHeader = dual.sourceTxHeader;
    const sourceAlh = await v.alh(provenHeader);
    await report.check(`dual proof: tx ${txId} -> tx ${trustedId} (trusted)`, async () => {
      await v.verifyDual(dual, txId, trustedId, sourceAlh, trustedAlh);
      return `Alh of tx ${txId} = ${v.hex(sourceAlh)}`;
    });
  }
  return { provenHeader, state: next };
}

/**
 * Checks a VerifiableGet answer for `key` (bytes) against `trusted`: the entry is the one asked
 * for, its digest is in its tx (inclusion proof against eH) and that tx is in the trusted chain.
 */
export async function verifyEntry(answer, key, trusted) {
  const report = new Report('VerifiableGet', trusted);
  const entry = answer.entry;
  const vt = answer.verifiableTx || {};
  await report.check('answer complete', () => {
    if (entry == null || answer.inclusionProof == null || vt.dualProof == null) {
      throw new v.VerificationError('MALFORMED_PROOF', 'entry, inclusion proof or proof missing');
    }
  });
  const ref = entry.referencedBy;
  const vTx = big(ref ? ref.tx : entry.tx);
  let storedKey;
  let storedValue;
  await report.check('entry is for the key asked', () => {
    const k = unb64(ref ? ref.key : entry.key);
    same(k, key, 'the server answered for another key');
    storedKey = v.storedPlain(k);
    storedValue = ref
      ? v.storedReference(big(ref.atTx), unb64(entry.key))
      : v.storedPlain(unb64(entry.value));
  });
  const digest = await v.entryDigest(storedKey, storedValue);
  const dual = dualProof(vt.dualProof);
  const { provenHeader, state } = await checkDual(report, dual, vTx, trusted);
  const ip = answer.inclusionProof;
  await report.check(`entry in tx ${vTx} (inclusion proof against eH)`, async () => {
    await v.verifyTxInclusion(
      { leaf: ip.leaf || 0, width: ip.width || 0, terms: (ip.terms || []).map(unb64) },
      digest,
      provenHeader.eh);
    return `digest H(key ‖ H(value)) = ${v.hex(digest)}, eH = ${v.hex(provenHeader.eh)}`;
  });
  report.ok = true;
  return { report, state };
}

/** The entries of a Tx JSON: {key (stored), hValue, vLen} as bytes/numbers. */
export function txEntries(tx) {
  return ((tx && tx.entries) || []).map((e) => ({
    key: unb64(e.key),
    hValue: unb64(e.hValue),
    vLen: Number(e.vLen || 0),
  }));
}

/** Checks that the tx's header is the one the dual proof proved. */
async function sameHeader(report, h, proven) {
  await report.check(`tx ${h.id}'s header is the proven one`, async () => {
    same(await v.alh(proven), await v.alh(h), 'the tx header differs from the proven header');
  });
}

/** Checks a Tx's entries rebuild the eH of the (proven) header; returns the tree's levels. */
async function checkEntries(report, tx, h) {
  const entries = txEntries(tx);
  let levels = [];
  await report.check(`entries of tx ${h.id} rebuild its eH`, async () => {
    if (entries.length === 0 || entries.length !== h.nEntries) {
      throw new v.VerificationError('MALFORMED_PROOF', `${entries.length} entries, header says ${h.nEntries}`);
    }
    const digests = await Promise.all(entries.map((e) => v.sha256(e.key, e.hValue)));
    levels = await v.txTreeLevels(digests);
    const root = levels[levels.length - 1][0];
    if (!v.equal(root, h.eh)) {
      throw new v.VerificationError('TX_INCLUSION', 'the entries do not hash to eH', h.eh, root);
    }
    return `eH = ${v.hex(root)}`;
  });
  return levels;
}

/** Checks a VerifiableSet answer for the written pairs [{key, value}] (bytes). */
export async function verifyWrite(answer, kvs, trusted) {
  const report = new Report('VerifiableSet', trusted);
  const tx = answer.tx;
  const h = header(tx && tx.metadata);
  await report.check('answer complete', () => {
    if (h == null || answer.dualProof == null) {
      throw new v.VerificationError('MALFORMED_PROOF', 'tx or proof missing');
    }
  });
  const { provenHeader, state } = await checkDual(
    report, dualProof(answer.dualProof), h.id, trusted);
  await sameHeader(report, h, provenHeader);
  await checkEntries(report, tx, provenHeader);
  const entries = txEntries(tx);
  for (const kv of kvs) {
    await report.check(`tx ${h.id} holds the value written for "${text(kv.key)}"`, async () => {
      const sk = v.storedPlain(kv.key);
      const e = entries.find((x) => v.equal(x.key, sk));
      if (!e) throw new v.VerificationError('ENTRY_MISMATCH', 'key not in the tx');
      same(await v.sha256(v.storedPlain(kv.value)), e.hValue, 'hValue is not H(0x00 ‖ value)');
    });
  }
  report.ok = true;
  return { report, state, txId: h.id };
}

/** Checks a VerifiableTxById answer for tx `txId`; returns the proven header and tree levels. */
export async function verifyTx(answer, txId, trusted) {
  const report = new Report('VerifiableTxById', trusted);
  const tx = answer.tx;
  const h = header(tx && tx.metadata);
  await report.check('answer is for the tx asked', () => {
    if (h == null || answer.dualProof == null) {
      throw new v.VerificationError('MALFORMED_PROOF', 'tx or proof missing');
    }
    if (h.id !== big(txId)) throw new v.VerificationError('TX_ID_MISMATCH', `got tx ${h.id}`);
  });
  const { provenHeader, state } = await checkDual(
    report, dualProof(answer.dualProof), h.id, trusted);
  await sameHeader(report, h, provenHeader);
  const levels = await checkEntries(report, tx, provenHeader);
  report.ok = true;
  return { report, state, header: provenHeader, levels };
}
