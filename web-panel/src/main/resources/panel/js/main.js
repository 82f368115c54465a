// The panel's entry: log in (or resume the session), connect the live socket, and show the page
// named in the URL's hash. Each page module exports show(container) returning a function that
// tears it down.
import * as api from './api.js';
import * as live from './live.js';
import * as i18n from './i18n.js';
import './display.js';
import { wireKeypad } from './keypad.js';
import { languageSwitch } from './ui.js';
import * as kiosk from './kiosk.js';
import * as record from './pages/record.js';
import * as takes from './pages/takes.js';
import * as mix from './pages/mix.js';
import * as master from './pages/master.js';
import * as exporter from './pages/export.js';
import * as settings from './pages/settings.js';
import * as release from './pages/release.js';
import * as publish from './pages/publish.js';
import { uploadBadge } from './badge.js';
import * as tuner from './pages/tuner.js';
import * as sheets from './pages/sheets.js';
import * as song from './pages/song.js';
import * as students from './pages/students.js';
import * as school from './pages/school.js';
import * as practice from './pages/practice.js';

const pages = { record, takes, practice, song, mix, master, export: exporter, release, publish, sheets, tuner, settings, students, school };
/** Pages only teachers open; a student's nav does not show them. */
const teacherPages = new Set(['settings', 'students', 'school', 'song', 'release', 'publish', 'sheets']);
/** Who is logged in ({role, id, name, class}), or null. */
let who = null;
let leave = null;

function pageName() {
  const name = location.hash.replace(/^#/, '').split('/')[0];
  if (who && who.role === 'student' && teacherPages.has(name)) return 'record';
  return pages[name] ? name : 'record';
}

async function showPage() {
  if (leave) leave();
  leave = null;
  const name = pageName();
  for (const a of document.querySelectorAll('#nav a')) {
    // The students' work is part of the School section: its nav link stays current there.
    if (a.dataset.page === name || (name === 'school' && a.dataset.page === 'students')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = document.getElementById('view');
  // Opened from the navigation by keyboard or screen reader: the focus follows to the new page.
  const fromNav = document.activeElement && document.activeElement.closest('#nav');
  view.replaceChildren();
  view.dataset.page = name;
  leave = (await pages[name].show(view)) || null;
  if (fromNav) view.focus({ preventScroll: true });
}

// A touch screen on a wall has no keyboard: the keypad types the PIN, and the field is not focused
// there (focusing it would open an on-screen keyboard over the keypad where the system has one).
const touchOnly = window.matchMedia('(pointer: coarse)').matches;

function showLogin(message) {
  live.disconnect();
  // The next person at this screen must not see the last one's work: the page goes, not just behind the form.
  if (leave) leave();
  leave = null;
  who = null;
  kiosk.showSession(null);
  clearTimeout(idleTimer);
  document.getElementById('view').replaceChildren();
  document.body.dataset.role = '';
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
  if (!touchOnly) document.getElementById('pin').focus();
}

wireKeypad(document.getElementById('keypad'), document.getElementById('pin'));

// A student's session ends after the idle time the server gives it; the screen goes back to the
// login at the same moment (the server has ended it too), without waiting for the next request.
let idleTimer = null;
function watchIdle() {
  clearTimeout(idleTimer);
  if (!who || who.role !== 'student' || !who.idleSeconds) return;
  idleTimer = setTimeout(async () => {
    await api.logout();
    showLogin(i18n.t('login.idleEnded'));
  }, who.idleSeconds * 1000);
}
for (const type of ['pointerdown', 'keydown', 'touchstart']) window.addEventListener(type, watchIdle, { passive: true });

async function start(session) {
  who = session;
  document.body.dataset.role = who.role;
  for (const a of document.querySelectorAll('#nav a')) a.hidden = who.role === 'student' && teacherPages.has(a.dataset.page);
  document.getElementById('session-name').textContent = who.role === 'student' ? who.name : i18n.t('login.teacher');
  kiosk.showSession(who);
  watchIdle();
  document.getElementById('login').hidden = true;
  live.connect();
  await showPage();
}

// The state in words (the pill's colour only repeats them). Full keys, so the message test finds them.
const STATE_WORDS = { idle: 'state.idle', recording: 'state.recording', stopping: 'state.stopping', overdubbing: 'state.overdubbing', calibrating: 'state.calibrating', waiting: 'state.waiting', error: 'state.error' };
let pillSinceMillis = 0;
function statePill(msg) {
  if (msg.sinceMillis < pillSinceMillis) return;
  pillSinceMillis = msg.sinceMillis;
  const pill = document.getElementById('state-pill');
  pill.dataset.state = msg.state;
  pill.textContent = i18n.t(STATE_WORDS[msg.state] || 'state.unknown');
  pill.title = msg.reason || '';
}

document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = document.getElementById('pin');
  const asStudent = document.getElementById('login-as-student').checked;
  try {
    const session = await api.login(asStudent ? { code: input.value } : input.value);
    input.value = '';
    await start(session);
  } catch (err) {
    showLogin(err.status === 401 ? i18n.t('login.wrong') : err.status === 429 ? i18n.t('login.tooMany') : err.message);
  }
});

api.onLoginNeeded(() => showLogin(i18n.t('login.ended')));
live.on('state', statePill);
live.on('state', (msg) => uploadBadge(msg.uploads));
live.on('uploads', uploadBadge);
window.addEventListener('hashchange', showPage);

document.getElementById('session-logout').addEventListener('click', async () => {
  await api.logout();
  showLogin('');
});

// A printed QR code opens /#qr=<key>: the key is in the fragment, which no request carries; it is
// exchanged for a session at once and taken out of the address bar and the history.
async function qrLogin() {
  const m = /^#qr=([A-Za-z0-9_-]{16,64})$/.exec(location.hash);
  if (!m) return null;
  history.replaceState(null, '', `${location.pathname}#record`);
  try {
    return await api.login({ qr: m[1] });
  } catch (err) {
    showLogin(err.message);
    return false;
  }
}

i18n.ready.then(async () => {
  i18n.translate(document);
  fetch('/api/state').then((r) => r.json()).then(statePill).catch(() => {});
  document.getElementById('login-lang').replaceChildren(...languageSwitch());
  kiosk.start();
  const byQr = await qrLogin();
  if (byQr === false) return;
  const session = byQr || await api.resume();
  if (session) await start(session);
  else showLogin('');
});
