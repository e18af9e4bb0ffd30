// The browser's trusted state per server and database: {db, txId, txHash (hex)} in localStorage,
// moved forward only after a proof from the old state to the new one verified (verified.js).
// With no state yet, the database's current state is trusted on first use, and the report says so.
import { get, session } from './api.js';

const key = (db) => `immudb-console:state:${session.uuid}:${db}`;

export function load(db) {
  const s = localStorage.getItem(key(db));
  return s ? JSON.parse(s) : null;
}

export function save(state) {
  localStorage.setItem(key(state.db), JSON.stringify(state));
  document.dispatchEvent(new CustomEvent('trusted-state', { detail: state }));
}

export function forget(db) {
  localStorage.removeItem(key(db));
  document.dispatchEvent(new CustomEvent('trusted-state', { detail: null }));
}

/** The trusted state of `db`, fetched and trusted on first use; {state, firstUse}. */
export async function trusted(db) {
  const s = load(db);
  if (s) return { state: s, firstUse: false };
  const cur = await get('/db/state');
  const bytes = Uint8Array.from(atob(cur.txHash || ''), (c) => c.charCodeAt(0));
  const state = {
    db,
    txId: String(cur.txId || '0'),
    txHash: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''),
  };
  save(state);
  return { state, firstUse: true };
}
