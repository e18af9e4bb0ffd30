// The console's shell: login, the database choice, the views (#kv, #tx, #sql, #admin) and the
// trusted state of the current database. docs/console.md describes it.
import { get, post, session } from './api.js';
import { b64, text, unb64, utf8 } from './verified.js';
import * as states from './state.js';
import { el, field, formSection } from './ui.js';
import { kvView } from './kv.js';
import { txView } from './tx.js';
import { sqlView } from './sql.js';
import { adminView } from './admin.js';

const VIEWS = { kv: ['Keys', kvView], tx: ['Transactions', txView], sql: ['SQL', sqlView], admin: ['Admin', adminView] };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const bar = document.getElementById('session');
const trustedBox = document.getElementById('trusted');

function loginView(message) {
  const user = field('User', { name: 'user', required: true, autocomplete: 'username', value: 'immudb' });
  const pw = field('Password', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const db = field('Database', { name: 'database', value: 'defaultdb', required: true });
  const form = formSection('Log in', [user, pw, db], 'Log in', async (out) => {
    session.clear();
    const r = await post('/login', { user: b64(utf8(user.input.value)), password: b64(utf8(pw.input.value)) });
    session.set(r.token, null, user.input.value);
    await useDatabase(db.input.value);
    if (r.warning) sessionStorage.setItem('immudb-console:warning', text(unb64(r.warning)));
    out.replaceChildren();
    location.hash = '#kv';
    render();
  }, 'login');
  if (message) form.querySelector('.result').append(el('p', { class: 'error', role: 'alert' }, message));
  setTimeout(() => user.input.focus(), 0);
  return el('div', { class: 'narrow' }, form);
}

async function useDatabase(name) {
  const r = await get('/db/use/' + encodeURIComponent(name));
  session.set(r.token, name);
}

async function sessionBar() {
  const dbSelect = el('select', { id: 'db', 'aria-label': 'database' });
  try {
    await get('/db/state'); // checks the token: a refused one ends the session (logged-out)
  } catch (e) {
    if (!session.token) return;
  }
  try {
    const r = await post('/db/list', {});
    const names = (r.databases || []).map((d) => d.databaseName);
    if (!names.includes(session.db)) names.unshift(session.db);
    dbSelect.replaceChildren(...names.map((n) => el('option', { value: n, selected: n === session.db }, n)));
  } catch (e) {
    dbSelect.replaceChildren(el('option', { value: session.db }, session.db));
  }
  dbSelect.addEventListener('change', async () => {
    await useDatabase(dbSelect.value);
    render();
  });
  const logout = el('button', { type: 'button', id: 'logout', onclick: async () => {
    try { await post('/logout', {}); } catch (e) { /* the token may have expired already */ }
    session.clear();
    location.hash = '';
    render();
  } }, 'Log out');
  bar.replaceChildren(el('span', {}, session.user, ' @ '), dbSelect, logout);
}

function showTrusted() {
  if (!session.token) {
    trustedBox.replaceChildren();
    return;
  }
  const s = states.load(session.db);
  trustedBox.replaceChildren(
    el('span', {}, 'Trusted state of ', el('strong', {}, session.db), ': ',
      s ? el('span', {}, 'tx ', el('span', { id: 'trusted-tx' }, s.txId), ', Alh ', el('code', {}, s.txHash))
        : 'none yet (the first verified call trusts the current state)'),
    s ? el('button', { type: 'button', class: 'link', onclick: () => { states.forget(session.db); } }, 'Forget') : '');
}

async function render(message) {
  const name = location.hash.replace(/^#/, '');
  if (!session.token) {
    nav.hidden = true;
    bar.replaceChildren();
    showTrusted();
    main.replaceChildren(loginView(typeof message === 'string' ? message : null));
    return;
  }
  const view = VIEWS[name] ? name : 'kv';
  nav.hidden = false;
  nav.replaceChildren(...Object.entries(VIEWS).map(([k, [label]]) =>
    el('a', { href: '#' + k, 'aria-current': k === view ? 'page' : null }, label)));
  await sessionBar();
  if (!session.token) return; // the token was refused: the login page is shown
  showTrusted();
  const warning = sessionStorage.getItem('immudb-console:warning');
  main.replaceChildren(
    window.isSecureContext ? '' : el('p', { class: 'warning', role: 'alert' },
      'This page is not a secure context (plain HTTP to another host), so the browser offers no ',
      'WebCrypto and cannot verify anything: start the server with --certificate and --pkey and ',
      'open it over HTTPS, or open it on localhost.'),
    warning ? el('p', { class: 'warning' }, warning) : '',
    VIEWS[view][1]());
  document.title = 'immudb console · ' + VIEWS[view][0];
}

window.addEventListener('hashchange', render);
document.addEventListener('trusted-state', showTrusted);
document.addEventListener('databases-changed', sessionBar);
document.addEventListener('logged-out', () =>
  render('Your session ended (it expired, or the server restarted): log in again.'));
render();
