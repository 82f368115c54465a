// The panel's entry: log in (or resume the session), connect the live socket, and show the page
// named in the URL's hash. Each page module exports show(container) returning a function that
// tears it down.
import * as api from './api.js';
import * as live from './live.js';
import * as i18n from './i18n.js';
import * as record from './pages/record.js';
import * as takes from './pages/takes.js';
import * as mix from './pages/mix.js';
import * as master from './pages/master.js';
import * as exporter from './pages/export.js';
import * as settings from './pages/settings.js';
import * as song from './pages/song.js';

const pages = { record, takes, song, mix, master, export: exporter, settings };
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
  view.replaceChildren();
  view.dataset.page = name;
  leave = (await pages[name].show(view)) || null;
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

document.getElementById('keypad').addEventListener('click', (e) => {
  const key = e.target.closest('button[data-key]');
  if (!key) return;
  const input = document.getElementById('pin');
  if (key.dataset.key === 'back') input.value = input.value.slice(0, -1);
  else if (key.dataset.key === 'clear') input.value = '';
  else if (input.value.length < 32) input.value += key.dataset.key;
});

async function start() {
  document.getElementById('login').hidden = true;
  live.connect();
  await showPage();
}

let pillSinceMillis = 0;
function statePill(msg) {
  if (msg.sinceMillis < pillSinceMillis) return;
  pillSinceMillis = msg.sinceMillis;
  const pill = document.getElementById('state-pill');
  pill.dataset.state = msg.state;
  pill.textContent = msg.state;
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
    showLogin(err.message);
  }
});

api.onLoginNeeded(() => showLogin('Your session ended; enter the PIN again.'));
live.on('state', statePill);
window.addEventListener('hashchange', showPage);

fetch('/api/state').then((r) => r.json()).then(statePill).catch(() => {});
i18n.ready.then(() => {
  i18n.translate(document);
  return api.resume();
}).then((ok) => (ok ? start() : showLogin('')));
