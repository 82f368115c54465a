// The kiosk on the Pi's own screen, opened as /?kiosk by the kiosk launcher (idle=SECONDS and
// night=FROM-TO in whole hours may follow, e.g. /?kiosk&idle=60&night=22-7). After the idle time
// without a touch, a screen shows the room's state in large words and the time; during the night
// hours that screen is black. Under the state it says whose session the screen is in (a student's
// name), so the next student sees the room is taken. The first touch only wakes the panel: it
// never presses what lies underneath. Outside kiosk mode none of this runs.
import { t, dateTime } from './i18n.js';
import * as live from './live.js';

const params = new URLSearchParams(location.search);
export const enabled = params.has('kiosk');

const STATE_WORDS = { idle: 'idle.free', recording: 'idle.recording', stopping: 'idle.recording', overdubbing: 'idle.recording', calibrating: 'idle.calibrating', waiting: 'idle.waiting', error: 'idle.error' };
const POLL_MILLIS = 5000;

function idleMillis() {
  const seconds = Number(params.get('idle'));
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** The night as [fromHour, toHour) in local time, wrapping past midnight; null when not configured. */
function nightHours() {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(params.get('night') || '');
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from < 24 && to < 24 && from !== to ? { from, to } : null;
}

/**
 * Whose session the screen is in, for the idle screen: the logged-in person ({role, name}) or
 * null. Set by main.js at login and logout; the idle screen never asks the server, since a
 * request would count as use and keep a student's session from ending when idle.
 */
let session = null;

export function showSession(who) {
  session = who;
  const line = document.getElementById('idle-who');
  if (!line) return;
  line.hidden = !session;
  line.textContent = !session ? '' : session.role === 'student' ? t('idle.sessionOf', { name: session.name }) : t('idle.teacherSession');
}

export function isNight(date, night) {
  if (!night) return false;
  const h = date.getHours();
  return night.from < night.to ? h >= night.from && h < night.to : h >= night.from || h < night.to;
}

export function start() {
  if (!enabled) return;
  document.documentElement.dataset.kiosk = 'true';
  const screen = document.getElementById('idle');
  const words = document.getElementById('idle-state');
  const clock = document.getElementById('idle-clock');
  const night = nightHours();
  let timer = null;
  let poll = null;

  function showState(msg) {
    words.dataset.state = msg.state;
    words.textContent = t(STATE_WORDS[msg.state] || 'idle.free');
  }
  function refresh() {
    clock.textContent = dateTime(Date.now(), { weekday: 'long', hour: '2-digit', minute: '2-digit' });
    screen.dataset.night = String(isNight(new Date(), night));
    // Without a session there is no live socket: the public state answers anyone.
    fetch('/api/state').then((r) => r.json()).then(showState).catch(() => {});
  }
  function sleep() {
    refresh();
    screen.hidden = false;
    poll = setInterval(refresh, POLL_MILLIS);
  }
  function awake() {
    clearTimeout(timer);
    timer = setTimeout(sleep, idleMillis());
  }
  function wake(e) {
    e.preventDefault();
    e.stopPropagation();
    screen.hidden = true;
    clearInterval(poll);
    awake();
  }
  // Woken on the click, when the finger has left the glass: the press and release both land on
  // this screen, so no control underneath receives either.
  screen.addEventListener('click', wake);
  for (const type of ['pointerdown', 'keydown', 'wheel']) document.addEventListener(type, () => { if (screen.hidden) awake(); }, { capture: true, passive: true });
  live.on('state', showState);
  awake();
}
