// The transaction explorer: a tx verified against the trusted state (its header, Alh, entries
// and the tree of its entries rebuilt here), and the Alh chain of the txs before it.
import { get, post, session } from './api.js';
import { header, txEntries, unb64, verifyTx } from './verified.js';
import { alh, equal, hex } from './verify.js';
import { withTrust } from './trust.js';
import { el, field, formSection, reportView, short, show, table } from './ui.js';

function headerTable(h, alhHex) {
  return table(['field', 'value'], [
    ['id', String(h.id)],
    ['ts', String(h.ts) + (h.ts ? ' (' + new Date(Number(h.ts) * 1000).toISOString() + ')' : '')],
    ['nentries', String(h.nEntries)],
    ['prevAlh', el('code', {}, hex(h.prevAlh))],
    ['eH', el('code', {}, hex(h.eh))],
    ['blTxId', String(h.blTxId)],
    ['blRoot', el('code', {}, hex(h.blRoot))],
    ['Alh (computed here)', el('code', {}, alhHex)],
  ], { class: 'header' });
}

/** The tree of the tx's entries, root first: each level a row of (shortened) node hashes. */
function treeView(levels) {
  const rows = levels.slice().reverse().map((lv, i) =>
    el('li', {}, el('span', { class: 'lvl' }, i === 0 ? 'eH' : 'level ' + (levels.length - 1 - i)),
      lv.map((n) => short(hex(n)))));
  return el('ol', { class: 'tree', 'aria-label': 'tree of the entries' }, rows);
}

function storedKeyText(k) {
  // Stored keys carry the data model's prefix byte (spec §3.1).
  const kinds = { 0: 'kv', 1: 'zset', 2: 'sql' };
  return (kinds[k[0]] || 'raw') + ' ' + show(k.subarray(1));
}

async function chainView(upTo) {
  const first = upTo > 10n ? upTo - 9n : 1n;
  const a = await post('/db/tx', { initialTx: String(first), limit: Number(upTo - first + 1n) });
  const txs = (a.txs || []).map((t) => header(t.metadata));
  const rows = [];
  let prev = null;
  for (const h of txs) {
    const al = await alh(h);
    const linked = prev === null ? '' : equal(h.prevAlh, prev) ? '✔ prevAlh = Alh of tx ' + (h.id - 1n) : '✘ broken link';
    rows.push([String(h.id), short(hex(h.prevAlh)), short(hex(al)), linked]);
    prev = al;
  }
  return el('div', {},
    el('h3', {}, 'Alh chain (txs ', String(first), '–', String(upTo), ', headers as the server lists them)'),
    table(['tx', 'prevAlh', 'Alh', 'link'], rows, { class: 'chain' }));
}

export function txView() {
  const db = session.db;
  const txId = field('Tx id', { name: 'tx', inputmode: 'numeric', pattern: '[0-9]*', autocomplete: 'off' });
  const form = formSection('Transaction', [txId], 'Verify and show', async (out) => {
    let id = txId.input.value.trim();
    if (id === '') {
      id = String((await get('/db/state')).txId || '1');
      txId.input.value = id;
    }
    let answer;
    try {
      const r = await withTrust(db, async (trusted) => {
        answer = await get('/db/verifiable/tx/' + id + '?proveSinceTx=' + trusted.txId);
        return verifyTx(answer, id, trusted);
      });
      const entries = txEntries(answer.tx).map((e, i) => [String(i), storedKeyText(e.key), short(hex(e.hValue)), String(e.vLen)]);
      out.replaceChildren(
        reportView(r.report, null, r.state),
        el('h3', {}, 'Header'), headerTable(r.header, hex(await alh(r.header))),
        el('h3', {}, 'Entries'), table(['#', 'key (stored)', 'hValue', 'vLen'], entries, { class: 'entries' }),
        el('h3', {}, 'Tree of the entries'), treeView(r.levels),
        await chainView(r.header.id));
    } catch (e) {
      if (!e.report) throw e;
      out.replaceChildren(reportView(e.report, e));
    }
  }, 'tx');
  return el('div', {}, form);
}
