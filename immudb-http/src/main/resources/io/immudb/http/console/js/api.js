// The REST API (/api/..., proto3 JSON) as the console calls it: one token per tab
// (sessionStorage), errors as ApiError with immudb's message and the HTTP status.
const TOKEN = 'immudb-console:token';
const DB = 'immudb-console:db';
const USER = 'immudb-console:user';
const UUID = 'immudb-console:uuid';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get db() { return sessionStorage.getItem(DB) || 'defaultdb'; },
  get user() { return sessionStorage.getItem(USER) || ''; },
  /** The server's identity (its immudb-uuid), which keys the trusted states. */
  get uuid() { return sessionStorage.getItem(UUID) || 'unknown'; },
  set(token, db, user) {
    sessionStorage.setItem(TOKEN, token);
    if (db) sessionStorage.setItem(DB, db);
    if (user) sessionStorage.setItem(USER, user);
  },
  clear() { [TOKEN, DB, USER].forEach((k) => sessionStorage.removeItem(k)); },
};

/** Calls `method path` (path after /api) with a JSON body; returns the parsed answer. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch('/api' + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'the server cannot be reached (' + e.message + ')');
  }
  const uuid = res.headers.get('Grpc-Metadata-immudb-uuid');
  if (uuid) sessionStorage.setItem(UUID, uuid);
  const textBody = await res.text();
  let json = {};
  try {
    json = textBody ? JSON.parse(textBody) : {};
  } catch (e) {
    json = { message: textBody };
  }
  if (res.status === 401 && path !== '/login' && session.token) {
    // The token expired or the server restarted: the tab's session is over.
    session.clear();
    document.dispatchEvent(new CustomEvent('logged-out', { detail: json.message }));
  }
  if (!res.ok) throw new ApiError(res.status, json.message || res.statusText);
  return json;
}

export const post = (path, body) => call('POST', path, body || {});
export const get = (path) => call('GET', path);
