// The REST API as the pages use it. Every state-changing request carries the session's CSRF
// token; a 401 anywhere sends the person back to the PIN screen.

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

/** Logs in with a PIN (a string) or with {code} or {qr}; answers who is logged in ({role, id, name, class}). */
export async function login(credentials) {
  const res = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(typeof credentials === 'string' ? { pin: credentials } : credentials),
    credentials: 'same-origin',
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.error || res.statusText);
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
  const res = await fetch(path, {
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
  if (!res.ok) throw new ApiError(res.status, (data && data.error) || res.statusText);
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
export const put = (path, body) => request('PUT', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const del = (path) => request('DELETE', path);
