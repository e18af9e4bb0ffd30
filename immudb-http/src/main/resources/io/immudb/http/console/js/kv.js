// Keys and values: set, get (at a tx, since a tx), history, scan, zadd and zscan; set and get
// verified in the browser when "verify" is ticked (the default).
import { get, post, session } from './api.js';
import { b64, unb64, utf8, verifyEntry, verifyWrite } from './verified.js';
import { withTrust } from './trust.js';
import { el, field, formSection, reportView, show, table } from './ui.js';

const num = (s) => (s && s.trim() !== '' ? s.trim() : undefined);

function entryRows(entries) {
  return entries.map((e) => [
    show(unb64(e.key)),
    show(unb64(e.value)),
    e.tx || '',
    e.referencedBy ? 'via ' + show(unb64(e.referencedBy.key)) + ' (tx ' + (e.referencedBy.tx || '') + ')' : '',
  ]);
}

const entryTable = (entries) => table(['key', 'value', 'tx', 'reference'], entryRows(entries), { class: 'entries' });

export function kvView() {
  const db = session.db;
  const setKey = field('Key', { name: 'key', required: true, autocomplete: 'off' });
  const setValue = field('Value', { name: 'value', autocomplete: 'off' });
  const setVerified = field('verify', { type: 'checkbox', name: 'verified', checked: true });
  const set = formSection('Set', [setKey, setValue, setVerified], 'Set', async (out) => {
    const kv = { key: utf8(setKey.input.value), value: utf8(setValue.input.value) };
    const body = { KVs: [{ key: b64(kv.key), value: b64(kv.value) }] };
    if (!setVerified.input.checked) {
      const h = await post('/db/set', body);
      out.replaceChildren(el('p', {}, 'Written in tx ', h.id, ' (not verified).'));
      return;
    }
    const r = await withTrust(db, async (trusted) => {
      const answer = await post('/db/verifiable/set', { setRequest: body, proveSinceTx: trusted.txId });
      return verifyWrite(answer, [kv], trusted);
    });
    out.replaceChildren(el('p', {}, 'Written in tx ', String(r.txId), '.'), reportView(r.report, null, r.state));
  }, 'set');

  const getKey = field('Key', { name: 'key', required: true, autocomplete: 'off' });
  const atTx = field('At tx', { name: 'atTx', inputmode: 'numeric', pattern: '[0-9]*' });
  const sinceTx = field('Since tx', { name: 'sinceTx', inputmode: 'numeric', pattern: '[0-9]*' });
  const getVerified = field('verify', { type: 'checkbox', name: 'verified', checked: true });
  const getForm = formSection('Get', [getKey, atTx, sinceTx, getVerified], 'Get', async (out) => {
    const key = utf8(getKey.input.value);
    const keyRequest = { key: b64(key), atTx: num(atTx.input.value), sinceTx: num(sinceTx.input.value) };
    if (!getVerified.input.checked) {
      const q = new URLSearchParams();
      if (keyRequest.atTx) q.set('atTx', keyRequest.atTx);
      if (keyRequest.sinceTx) q.set('sinceTx', keyRequest.sinceTx);
      const k64 = keyRequest.key.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const e = await get('/db/get/' + k64 + (q.toString() ? '?' + q : ''));
      out.replaceChildren(entryTable([e]), el('p', { class: 'muted' }, 'Not verified.'));
      return;
    }
    let answer;
    try {
      const r = await withTrust(db, async (trusted) => {
        answer = await post('/db/verifiable/get', { keyRequest, proveSinceTx: trusted.txId });
        return verifyEntry(answer, key, trusted);
      });
      out.replaceChildren(entryTable([answer.entry]), reportView(r.report, null, r.state));
    } catch (e) {
      if (!e.report) throw e;
      out.replaceChildren(
        answer && answer.entry ? entryTable([answer.entry]) : '',
        el('p', { class: 'error', role: 'alert' },
          'The server\'s answer does not verify against the trusted state: do not trust this value.'),
        reportView(e.report, e));
    }
  }, 'get');

  const hKey = field('Key', { name: 'key', required: true, autocomplete: 'off' });
  const hLimit = field('Limit', { name: 'limit', inputmode: 'numeric', value: '20' });
  const hDesc = field('newest first', { type: 'checkbox', name: 'desc', checked: true });
  const history = formSection('History', [hKey, hLimit, hDesc], 'History', async (out) => {
    const a = await post('/db/history', {
      key: b64(utf8(hKey.input.value)), limit: Number(num(hLimit.input.value) || 20), desc: hDesc.input.checked,
    });
    out.replaceChildren(entryTable(a.entries || []));
  }, 'history');

  const sPrefix = field('Prefix', { name: 'prefix', autocomplete: 'off' });
  const sLimit = field('Limit', { name: 'limit', inputmode: 'numeric', value: '20' });
  const sDesc = field('descending', { type: 'checkbox', name: 'desc' });
  const scan = formSection('Scan', [sPrefix, sLimit, sDesc], 'Scan', async (out) => {
    const a = await post('/db/scan', {
      prefix: b64(utf8(sPrefix.input.value)), limit: num(sLimit.input.value), desc: sDesc.input.checked,
    });
    out.replaceChildren(entryTable(a.entries || []));
  }, 'scan');

  const zSet = field('Set', { name: 'set', required: true, autocomplete: 'off' });
  const zScore = field('Score', { name: 'score', inputmode: 'decimal', required: true, value: '1' });
  const zKey = field('Key', { name: 'key', required: true, autocomplete: 'off' });
  const zadd = formSection('ZAdd', [zSet, zScore, zKey], 'Add', async (out) => {
    const h = await post('/db/zadd', {
      set: b64(utf8(zSet.input.value)), score: Number(zScore.input.value), key: b64(utf8(zKey.input.value)),
    });
    out.replaceChildren(el('p', {}, 'Added in tx ', h.id, '.'));
  }, 'zadd');

  const zsSet = field('Set', { name: 'set', required: true, autocomplete: 'off' });
  const zsLimit = field('Limit', { name: 'limit', inputmode: 'numeric', value: '20' });
  const zsDesc = field('descending', { type: 'checkbox', name: 'desc' });
  const zscan = formSection('ZScan', [zsSet, zsLimit, zsDesc], 'ZScan', async (out) => {
    const a = await post('/db/zscan', {
      set: b64(utf8(zsSet.input.value)), limit: num(zsLimit.input.value), desc: zsDesc.input.checked,
    });
    out.replaceChildren(table(['score', 'key', 'value', 'tx'], (a.entries || []).map((z) => [
      String(z.score || 0), show(unb64(z.key)), z.entry ? show(unb64(z.entry.value)) : '', z.entry ? z.entry.tx : '',
    ])));
  }, 'zscan');

  return el('div', { class: 'grid' }, set, getForm, history, scan, zadd, zscan);
}
