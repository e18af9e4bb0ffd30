// Runs the console's JS verifier (verify.js) over the proof vectors of immudb-core
// (vectors/spec: spec §13; inclusion/, consistency/, linear/, dual/: valid proofs and their
// mutations, each with wantErr). Usage: node verify-vectors.mjs <verify.js> <vectors dir>.
// Prints one line per failure and a summary; exits 1 if any vector disagrees.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const v = await import(pathToFileURL(process.argv[2]).href);
const root = process.argv[3];
const h = (s) => (s == null ? null : v.fromHex(s));
const hs = (l) => (l == null ? null : l.map(h));
let passed = 0;
const failures = [];

function header(x) {
  if (x == null) return null;
  return {
    id: BigInt(x.id), prevAlh: h(x.prevAlh), ts: BigInt(x.ts), nEntries: x.nEntries,
    eh: h(x.eh), blTxId: BigInt(x.blTxId), blRoot: h(x.blRoot),
  };
}

function linear(p) {
  return p == null
    ? null
    : { sourceTxId: BigInt(p.sourceTxId), targetTxId: BigInt(p.targetTxId), terms: hs(p.terms) };
}

const kinds = {
  inclusion: (x) =>
    x.tree === 'tx'
      ? v.verifyTxInclusion({ leaf: x.leafIndex, width: x.width, terms: hs(x.proof) },
          h(x.entryDigest), h(x.eh))
      : x.tree === 'aht-last'
        ? v.verifyLastInclusion(hs(x.proof), x.treeSize, h(x.alh), h(x.root))
        : v.verifyAhtInclusion(hs(x.proof), x.leafIndex, x.treeSize, h(x.alh), h(x.root)),
  consistency: (x) => v.verifyConsistency(hs(x.proof), x.size1, x.size2, h(x.root1), h(x.root2)),
  linear: (x) =>
    v.verifyLinear(linear(x.proof), x.sourceTxId, x.targetTxId, h(x.sourceAlh), h(x.targetAlh)),
  dual: (x) => {
    const p = x.proof == null ? null : {
      sourceTxHeader: header(x.proof.sourceTxHeader),
      targetTxHeader: header(x.proof.targetTxHeader),
      inclusionProof: hs(x.proof.inclusionProof),
      consistencyProof: hs(x.proof.consistencyProof),
      targetBlTxAlh: h(x.proof.targetBlTxAlh),
      lastInclusionProof: hs(x.proof.lastInclusionProof),
      linearProof: linear(x.proof.linearProof),
    };
    return v.verifyDual(p, x.sourceId, x.targetId, h(x.sourceAlh), h(x.targetAlh));
  },
};

async function expect(name, wantErr, run) {
  let err = null;
  try {
    await run();
  } catch (e) {
    err = e;
  }
  if (err !== null && !(err instanceof v.VerificationError)) {
    failures.push(`${name}: threw ${err.stack}`);
  } else if (wantErr !== (err !== null)) {
    failures.push(`${name}: wantErr=${wantErr}, got ${err ? err.reason + ' ' + err.message : 'ok'}`);
  } else {
    passed++;
  }
}

for (const kind of Object.keys(kinds)) {
  for (const dir of readdirSync(join(root, kind))) {
    for (const f of readdirSync(join(root, kind, dir)).filter((n) => n.endsWith('.json'))) {
      const x = JSON.parse(readFileSync(join(root, kind, dir, f), 'utf8'));
      let run;
      try {
        run = () => kinds[kind](x);
      } catch (e) {
        run = () => { throw e; };
      }
      // A malformed digest (trailing garbage) fails while decoding, as in the Java decoder.
      await expect(`${kind}/${dir}/${f}`, x.wantErr, async () => {
        try {
          return await run();
        } catch (e) {
          if (e instanceof Error && /not hex/.test(e.message)) throw new v.VerificationError('MALFORMED', e.message);
          throw e;
        }
      });
    }
  }
}

// Spec §13: digests, eH, Alh of the 4-tx chain, AHT roots and the three dual proofs.
const spec = (f) => JSON.parse(readFileSync(join(root, 'spec', f), 'utf8'));
const check = (name, got, want) => expect(name, false, async () => {
  if (v.hex(await got) !== want) throw new v.VerificationError('VECTOR', `${v.hex(await got)} != ${want}`);
});
await check('13.1 digest', v.entryDigest(v.fromHex('0068656c6c6f'), v.fromHex('00776f726c64')),
  'f232f246462909871d2ee8bd3076b32c6747279e0f5c5c1f89c4edf63ffb01ec');
await check('13.1 eH', v.leaf(v.fromHex('f232f246462909871d2ee8bd3076b32c6747279e0f5c5c1f89c4edf63ffb01ec')),
  '330b441287dd8a5651bdf5005e78636509e4f1ff5b88454897a556fb9cbdedb3');
const three = await Promise.all([1, 2, 3].map((i) =>
  v.entryDigest(v.storedPlain(new TextEncoder().encode('key' + i)),
    v.storedPlain(new TextEncoder().encode('value' + i)))));
const levels = await v.txTreeLevels(three);
await check('13.2 eH', levels[levels.length - 1][0],
  '5bb82cbaa0dcf5031b5f79070573edee44a72b8cc3d6764ea83fbed8034da699');
const headers = {};
const alhs = {};
for (const t of spec('13.3-chain-4tx.json').txs) {
  const digests = await Promise.all(t.entries.map((e) => v.entryDigest(h(e.storedKey), h(e.storedValue))));
  const lv = await v.txTreeLevels(digests);
  await check(`13.3 eH ${t.id}`, lv[lv.length - 1][0], t.eH);
  headers[t.id] = {
    id: BigInt(t.id), prevAlh: h(t.prevAlh), ts: BigInt(t.ts), nEntries: t.entries.length,
    eh: h(t.eH), blTxId: BigInt(t.blTxId), blRoot: h(t.blRoot),
  };
  alhs[t.id] = t.alh || t.Alh;
  await check(`13.3 Alh ${t.id}`, v.alh(headers[t.id]), alhs[t.id]);
}
for (const d of spec('13.5-dual-proofs.json').proofs) {
  await expect(`13.5 ${d.desc}`, false, () => v.verifyDual({
    sourceTxHeader: headers[d.sourceId], targetTxHeader: headers[d.targetId],
    inclusionProof: hs(d.inclusionProof), consistencyProof: hs(d.consistencyProof),
    targetBlTxAlh: h(d.targetBlTxAlh), lastInclusionProof: hs(d.lastInclusionProof),
    linearProof: linear(d.linearProof),
  }, d.sourceId, d.targetId, h(alhs[d.sourceId]), h(alhs[d.targetId])));
}

// verified.js over REST-shaped answers (proto3 JSON: base64, 64-bit ids as strings, defaults
// omitted): a VerifiableGet of key1 (tx 2 of §13.3) against a trusted state at tx 3, with the
// §13.5 proof 2 -> 3; then the same answer with a forged value, and with another key.
const vd = await import(new URL('verified.js', pathToFileURL(process.argv[2])).href);
const b64h = (x) => Buffer.from(x, 'hex').toString('base64');
const meta = (id) => {
  const t = spec('13.3-chain-4tx.json').txs.find((x) => x.id === id);
  const m = { id: String(id), prevAlh: b64h(t.prevAlh), ts: String(t.ts), nentries: t.entries.length,
    eH: b64h(t.eH), blRoot: b64h(t.blRoot) };
  if (t.blTxId) m.blTxId = String(t.blTxId);
  return m;
};
const d23 = spec('13.5-dual-proofs.json').proofs[0];
const answer = (value, key) => ({
  entry: { tx: '2', key: Buffer.from(key || 'key1').toString('base64'), value: Buffer.from(value).toString('base64') },
  inclusionProof: { width: 1 },
  verifiableTx: { tx: { metadata: meta(2) }, dualProof: {
    sourceTxMetadata: meta(2), targetTxMetadata: meta(3),
    consistencyProof: d23.consistencyProof.map(b64h), targetBlTxAlh: b64h(d23.targetBlTxAlh),
    lastInclusionProof: d23.lastInclusionProof.map(b64h),
    linearProof: { sourceTxId: '2', TargetTxId: '3', terms: d23.linearProof.terms.map(b64h) } } },
});
const trusted = { db: 'defaultdb', txId: '3', txHash: alhs[3] };
const key1 = new TextEncoder().encode('key1');
await expect('verified.js: VerifiableGet of key1 at tx 2, trusted tx 3', false, async () => {
  const r = await vd.verifyEntry(answer('value1'), key1, trusted);
  if (!r.report.ok || r.state.txId !== '3') throw new Error('report ' + JSON.stringify(r.report));
});
await expect('verified.js: a forged value', true, () => vd.verifyEntry(answer('valuE1'), key1, trusted));
await expect('verified.js: another key', true, () => vd.verifyEntry(answer('value2', 'key2'), key1, trusted));
await expect('verified.js: another trusted Alh', true, () =>
  vd.verifyEntry(answer('value1'), key1, { ...trusted, txHash: alhs[4] }));

for (const f of failures) console.log('FAIL ' + f);
console.log(`verify.js: ${passed} vectors passed, ${failures.length} failed`);
process.exit(failures.length === 0 && passed > 0 ? 0 : 1);
