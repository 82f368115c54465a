// The REST API as the pages use it. Every state-changing request carries the session's CSRF
// token; a 401 anywhere sends the person back to the PIN screen. The server's own error sentences
// name the field and the value (and stay as they are); what only the browser knows is translated here.
import { t } from './i18n.js';

let csrf = sessionStorage.getItem('taperoom.csrf') || '';
const loginListeners = [];

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function onLoginNeeded(listener) {
  loginListeners.push(listener);
}

/** fetch, with a network failure (the appliance out of reach) said in the user's language. */
async function send(path, init) {
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(0, t('api.unreachable'));
  }
}

function failure(res, data) {
  return new ApiError(res.status, (data && data.error) || t('api.status', { status: res.status }));
}

/** Logs in with a PIN (a string) or with {code} or {qr}; answers who is logged in ({role, id, name, class}). */
export async function login(credentials) {
  const res = await send('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(typeof credentials === 'string' ? { pin: credentials } : credentials),
    credentials: 'same-origin',
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw failure(res, body);
  csrf = body.csrf;
  sessionStorage.setItem('taperoom.csrf', csrf);
  return body;
}

/** The session this browser still has ({role, id, name, class, idleSeconds}), or null (and refreshes the CSRF token after a reload). */
export async function resume() {
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  if (!res.ok) return null;
  const body = await res.json();
  csrf = body.csrf;
  sessionStorage.setItem('taperoom.csrf', csrf);
  return body;
}

export async function logout() {
  await request('DELETE', '/api/session').catch(() => {});
  csrf = '';
  sessionStorage.removeItem('taperoom.csrf');
}

export async function request(method, path, body) {
  const headers = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.status === 401 && path !== '/api/session') {
    loginListeners.forEach((l) => l());
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (!res.ok) throw failure(res, data);
  return data;
}

/** Sends a file as the request body, as its own type (audio uploads); answers the JSON the server returns. */
export async function upload(method, path, file) {
  const res = await send(path, {
    method,
    headers: { 'X-CSRF-Token': csrf, 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  });
  if (res.status === 401) loginListeners.forEach((l) => l());
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (!res.ok) throw failure(res, data);
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);
