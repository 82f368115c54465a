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

const pages = { record, takes, song, mix, master, export: exporter, release, publish, sheets, tuner, settings };
let leave = null;

function pageName() {
  const name = location.hash.replace(/^#/, '').split('/')[0];
  return pages[name] ? name : 'record';
}

async function showPage() {
  if (leave) leave();
  leave = null;
  const name = pageName();
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
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
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
  if (!touchOnly) document.getElementById('pin').focus();
}

wireKeypad(document.getElementById('keypad'), document.getElementById('pin'));

async function start() {
  document.getElementById('login').hidden = true;
  live.connect();
  await showPage();
}

// The state in words (the pill's colour only repeats them). Full keys, so the message test finds them.
const STATE_WORDS = { idle: 'state.idle', recording: 'state.recording', stopping: 'state.stopping', waiting: 'state.waiting', error: 'state.error' };
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
  try {
    await api.login(input.value);
    input.value = '';
    await start();
  } catch (err) {
    showLogin(err.status === 401 ? i18n.t('login.wrong') : err.status === 429 ? i18n.t('login.tooMany') : err.message);
  }
});

api.onLoginNeeded(() => showLogin(i18n.t('login.ended')));
live.on('state', statePill);
live.on('state', (msg) => uploadBadge(msg.uploads));
live.on('uploads', uploadBadge);
window.addEventListener('hashchange', showPage);

i18n.ready.then(() => {
  i18n.translate(document);
  fetch('/api/state').then((r) => r.json()).then(statePill).catch(() => {});
  document.getElementById('login-lang').replaceChildren(...languageSwitch());
  kiosk.start();
  return api.resume();
}).then((ok) => (ok ? start() : showLogin('')));
