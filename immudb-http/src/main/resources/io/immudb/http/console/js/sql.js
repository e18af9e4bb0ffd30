// SQL: a statement run as a query (SQLQuery, a table of rows) or as a write (SQLExec), and the
// list of tables.
import { get, post } from './api.js';
import { unb64 } from './verified.js';
import { hex } from './verify.js';
import { el, field, formSection, table } from './ui.js';

function sqlValue(v) {
  if (v == null || 'null' in v) return 'NULL';
  if ('n' in v) return String(v.n);
  if ('s' in v) return v.s;
  if ('b' in v) return String(v.b);
  if ('bs' in v) return 'x\'' + hex(unb64(v.bs)) + '\'';
  return '';
}

export function sqlView() {
  const stmt = field('Statement', { type: 'textarea', name: 'sql', rows: 4, required: true,
    placeholder: 'SELECT * FROM mytable' });
  const form = formSection('SQL', [stmt], 'Run', async (out) => {
    const sql = stmt.input.value;
    if (!/^\s*(select|\()/i.test(sql)) {
      const r = await post('/db/sqlexec', { sql });
      const txs = [...(r.ctxs || []), ...(r.dtxs || [])].map((t) => t.id).join(', ');
      out.replaceChildren(el('p', {}, 'Done: ', String(r.updatedRows || 0), ' rows written',
        txs ? ' in tx ' + txs : '', '.'));
      return;
    }
    const r = await post('/db/sqlquery', { sql });
    const cols = (r.columns || []).map((c) => c.name + ' (' + c.type + ')');
    out.replaceChildren(table(cols, (r.rows || []).map((row) => (row.values || []).map(sqlValue)),
      { class: 'sql' }), el('p', { class: 'muted' }, String((r.rows || []).length), ' rows'));
  }, 'sql');
  const list = el('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const tables = el('section', { class: 'card', id: 'tables' }, el('h2', {}, 'Tables'),
    el('button', { type: 'button', onclick: async () => {
      try {
        const r = await get('/db/table/list');
        list.replaceChildren(table(['table'], (r.rows || []).map((row) => [sqlValue((row.values || [])[0])])));
      } catch (e) {
        list.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Error: ' + e.message));
      }
    } }, 'List tables'), list);
  form.querySelector('textarea').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) form.querySelector('form').requestSubmit();
  });
  return el('div', {}, form, el('p', { class: 'muted' },
    'A SELECT runs as a query, anything else as a write. Ctrl+Enter runs.'), tables);
}
