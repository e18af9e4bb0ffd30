// Users and databases, for administrators (the server refuses the calls to anyone else).
import { get, post } from './api.js';
import { b64, unb64, utf8, text } from './verified.js';
import { el, field, formSection, select, table } from './ui.js';

const PERMISSIONS = [['1', 'read'], ['2', 'readwrite'], ['254', 'admin']];
const permName = (p) => ({ 1: 'read', 2: 'readwrite', 254: 'admin', 255: 'sysadmin' })[p] || String(p);

async function usersTable() {
  const r = await get('/user/list');
  return table(['user', 'permissions', 'active', 'created by', 'created at'], (r.users || []).map((u) => [
    text(unb64(u.user)),
    (u.permissions || []).map((p) => (p.database || '*') + ':' + permName(p.permission || 0)).join(', '),
    u.active ? 'yes' : 'no', u.createdby || '', u.createdat || '',
  ]), { class: 'users' });
}

async function databasesTable() {
  const r = await post('/db/list', {});
  return table(['database'], (r.databases || []).map((d) => [d.databaseName]), { class: 'databases' });
}

export function adminView() {
  const users = el('div', {});
  const dbs = el('div', {});
  const refresh = async () => {
    try {
      users.replaceChildren(await usersTable());
      dbs.replaceChildren(await databasesTable());
    } catch (e) {
      users.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Error: ' + e.message));
    }
  };
  const name = field('User', { name: 'user', required: true, autocomplete: 'off' });
  const pw = field('Password', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const perm = select('Permission', PERMISSIONS, { name: 'permission' });
  const udb = field('Database', { name: 'database', value: 'defaultdb', required: true });
  const create = formSection('Create user', [name, pw, perm, udb], 'Create', async (out) => {
    await post('/user', { user: b64(utf8(name.input.value)), password: b64(utf8(pw.input.value)),
      permission: Number(perm.input.value), database: udb.input.value });
    out.replaceChildren(el('p', {}, 'User ', name.input.value, ' created.'));
    await refresh();
  }, 'create-user');
  const gName = field('User', { name: 'user', required: true, autocomplete: 'off' });
  const gAction = select('Action', [['GRANT', 'grant'], ['REVOKE', 'revoke']], { name: 'action' });
  const gPerm = select('Permission', PERMISSIONS, { name: 'permission' });
  const gDb = field('Database', { name: 'database', required: true });
  const grant = formSection('Change permission', [gName, gAction, gPerm, gDb], 'Apply', async (out) => {
    await post('/user/changepermission', { action: gAction.input.value, username: gName.input.value,
      database: gDb.input.value, permission: Number(gPerm.input.value) });
    out.replaceChildren(el('p', {}, 'Done.'));
    await refresh();
  }, 'change-permission');
  const dName = field('Database', { name: 'database', required: true, autocomplete: 'off' });
  const createDb = formSection('Create database', [dName], 'Create', async (out) => {
    await post('/db/create', { databaseName: dName.input.value });
    out.replaceChildren(el('p', {}, 'Database ', dName.input.value, ' created.'));
    await refresh();
    document.dispatchEvent(new CustomEvent('databases-changed'));
  }, 'create-database');
  refresh();
  return el('div', { class: 'grid' },
    el('section', { class: 'card' }, el('h2', {}, 'Users'), users), create, grant,
    el('section', { class: 'card' }, el('h2', {}, 'Databases'), dbs), createDb);
}
