// Runs a verified call against the database's trusted state and moves the state forward when
// the proof verified (never otherwise).
import * as states from './state.js';

export async function withTrust(db, run) {
  const { state, firstUse } = await states.trusted(db);
  try {
    const r = await run(state);
    r.report.firstUse = firstUse;
    if (BigInt(r.state.txId) > BigInt(state.txId)) states.save(r.state);
    return r;
  } catch (e) {
    if (e.report) e.report.firstUse = firstUse;
    throw e;
  }
}
