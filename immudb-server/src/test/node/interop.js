// Drives our server with the official immudb-node 1.1.1 SDK (installed from npm by
// NodeSdkInteropIT, never committed) and checks what it returns. Exits non-zero on the first
// failed check. Environment: IMMUDB_PORT, ROOT_PATH (the SDK's state file).
'use strict';
const assert = require('assert');
const ImmudbClient = require('immudb-node').default;
const { USER_PERMISSION, USER_ACTION } = require('immudb-node/dist/types/user');

const port = process.env.IMMUDB_PORT;
const rootPath = process.env.ROOT_PATH;

async function expectFailure(what, p, text) {
  try {
    await p;
  } catch (e) {
    const msg = String((e && (e.details || e.message)) || e);
    if (text) assert.ok(msg.includes(text), `${what}: expected "${text}", got "${msg}"`);
    return;
  }
  assert.fail(`${what}: expected a failure`);
}

(async () => {
  const cl = await ImmudbClient.getInstance({ host: '127.0.0.1', port, autoLogin: false, rootPath });
  try {
    const login = await cl.login({ user: 'immudb', password: 'immudb' });
    assert.strictEqual(typeof login.token, 'string');
    assert.ok(login.warning.includes('default password'));

    await cl.createDatabase({ databasename: 'db1' });
    await cl.useDatabase({ databasename: 'db1' });
    const dbs = await cl.listDatabases();
    assert.deepStrictEqual(dbs.databasesList.map(d => d.databasename), ['defaultdb', 'db1']);

    const set = await cl.set({ key: 'key1', value: 'value1' });
    assert.strictEqual(set.id, 2);
    assert.strictEqual(set.bltxid, 1);
    const got = await cl.get({ key: 'key1' });
    assert.strictEqual(got.value, 'value1');
    assert.strictEqual(got.tx, 2);

    const health = await cl.health();
    assert.strictEqual(health.status, true);

    // Verified writes and reads: the SDK checks every proof against its stored state.
    const vs = await cl.verifiedSet({ key: 'key2', value: 'value2' });
    assert.ok(vs, 'verifiedSet returned nothing (proof rejected?)');
    assert.strictEqual(vs.id, 3);
    const vg = await cl.verifiedGet({ key: 'key1' });
    assert.ok(vg, 'verifiedGet rejected');
    assert.strictEqual(vg.value, 'value1');
    const vga = await cl.verifiedGetAt({ key: 'key1', attx: 2 });
    assert.ok(vga, 'verifiedGetAt rejected');
    assert.strictEqual(vga.value, 'value1');
    const vgs = await cl.verifiedGetSince({ key: 'key2', sincetx: 3 });
    assert.ok(vgs, 'verifiedGetSince rejected');
    assert.strictEqual(vgs.value, 'value2');
    const vt = await cl.verifiedTxById({ tx: 2 });
    assert.ok(vt, 'verifiedTxById rejected');
    assert.strictEqual(vt.metadata.id, 2);
    const vr = await cl.verifiedSetReference({ key: 'ref1', referencedKey: 'key1' });
    assert.ok(vr, 'verifiedSetReference rejected');
    const viaRef = await cl.verifiedGet({ key: 'ref1' });
    assert.ok(viaRef, 'verifiedGet through a reference rejected');
    assert.strictEqual(viaRef.value, 'value1');
    const vz = await cl.verifiedZAdd({ set: 'scores', score: 10, key: 'key1' });
    assert.ok(vz, 'verifiedZAdd rejected');
    await cl.zAdd({ set: 'scores', score: 5, key: 'key2' });

    // Plain reads.
    await cl.set({ key: 'key1', value: 'value1b' });
    const hist = await cl.history({ key: 'key1' });
    assert.deepStrictEqual(hist.entriesList.map(e => e.value), ['value1', 'value1b']);
    const scan = await cl.scan({ prefix: 'key' });
    assert.deepStrictEqual(scan.entriesList.map(e => e.key), ['key1', 'key2']);
    const zs = await cl.zScan({ set: 'scores' });
    assert.deepStrictEqual(zs.entriesList.map(e => e.key), ['key2', 'key1']);
    const tx = await cl.txById({ tx: 2 });
    assert.strictEqual(tx.metadata.id, 2);

    await cl.setAll({ kvsList: [{ key: 'a1', value: 'v1' }, { key: 'a2', value: 'v2' }] });
    const all = await cl.getAll({ keysList: ['a2', 'a1'], sincetx: 0 });
    assert.deepStrictEqual(all.entriesList.map(e => e.value), ['v2', 'v1']);

    // Users and permissions.
    await cl.createUser({ user: 'alice', password: 'Example12#', permission: USER_PERMISSION.READ_ONLY, database: 'db1' });
    await expectFailure('weak password', cl.createUser({ user: 'bob', password: 'weak', permission: 1, database: 'db1' }), 'password must have between 8 and 32');
    const users = await cl.listUsers();
    assert.deepStrictEqual(users.usersList.map(u => u.user).sort(), ['alice', 'immudb']);
    await cl.changePermission({ action: USER_ACTION.GRANT, username: 'alice', database: 'db1', permission: USER_PERMISSION.READ_ONLY });
    await cl.changePassword({ user: 'alice', oldpassword: 'Example12#', newpassword: 'Example1234%' });
    await cl.logout();

    await cl.login({ user: 'alice', password: 'Example1234%' });
    await cl.useDatabase({ databasename: 'db1' });
    const asAlice = await cl.get({ key: 'key2' });
    assert.strictEqual(asAlice.value, 'value2');
    await expectFailure('read-only set', cl.set({ key: 'nope', value: 'x' }), 'permission denied');
    await expectFailure('read-only createDatabase', cl.createDatabase({ databasename: 'db2' }));
    await cl.logout();
    await expectFailure('wrong password', cl.login({ user: 'alice', password: 'Example12#' }), 'invalid user name or password');
    console.log('interop OK');
  } finally {
    await cl.shutdown();
  }
})().catch(e => {
  console.error('interop FAILED:', e && (e.stack || e));
  process.exit(1);
});
