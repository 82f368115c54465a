// Tuner: the note, octave and cents of one input, live over /ws while the recorder runs (it may
// be recording), with a needle from -50 to +50 cents, the input and the A4 reference. The tuner
// runs on the appliance only while this page is shown.
import * as api from '../api.js';
import * as live from '../live.js';
import { t, number } from '../i18n.js';
import { el, toast, unavailable } from '../ui.js';
import { soundSelect, levelSelect, chooseLevel } from '../click.js';

const INPUT_KEY = 'taperoom.tuner.input';
/** Within this many cents a note reads "in tune". */
const IN_TUNE_CENTS = 3;
/** A reading older than this is stale: the note has stopped. */
const STALE_MILLIS = 600;

// Each key written out whole, so the message files' test sees it read.
const VERDICT_WORDS = { inTune: 'tuner.inTune', sharp: 'tuner.sharp', flat: 'tuner.flat' };

export async function show(view) {
  let state;
  try {
    state = await api.get('/api/tuner');
  } catch (e) {
    unavailable(view, t('tuner.unavailable', { reason: e.message }));
    return null;
  }
  const stored = Number(localStorage.getItem(INPUT_KEY));
  let input = stored >= 1 && stored <= state.inputs ? stored : 1;
  let a4Hz = state.a4Hz || 440;

  const note = el('div', { class: 'tuner-note', id: 'tuner-note', 'aria-live': 'polite' }, t('tuner.noNote'));
  const cents = el('div', { class: 'tuner-cents', id: 'tuner-cents' }, '');
  const verdict = el('div', { class: 'tuner-verdict', id: 'tuner-verdict' }, '');
  const hz = el('div', { class: 'muted', id: 'tuner-hz' }, '');
  const needle = el('div', { class: 'tuner-needle', id: 'tuner-needle' });
  const scale = el('div', { class: 'tuner-scale', role: 'meter', 'aria-valuemin': '-50', 'aria-valuemax': '50', 'aria-valuenow': '0',
    'aria-label': t('tuner.needle') }, el('div', { class: 'tuner-centre' }), needle,
  el('span', { class: 'tuner-flat-end', 'aria-hidden': 'true' }, '−50'), el('span', { class: 'tuner-sharp-end', 'aria-hidden': 'true' }, '+50'));

  const inputSelect = el('select', { id: 'tuner-input' },
    Array.from({ length: state.inputs }, (_, i) => el('option', { value: String(i + 1), text: t('tuner.inputN', { n: i + 1 }) })));
  inputSelect.value = String(input);
  const a4Field = el('input', { id: 'tuner-a4', type: 'number', min: '415', max: '466', step: '1', value: String(a4Hz), inputmode: 'numeric' });
  const lower = el('button', { type: 'button', id: 'tuner-a4-lower', 'aria-label': t('tuner.lower') }, '−');
  const raise = el('button', { type: 'button', id: 'tuner-a4-raise', 'aria-label': t('tuner.raise') }, '+');
  const status = el('p', { class: 'muted', id: 'tuner-status' }, '');

  view.append(
    el('section', { class: 'card tuner' },
      el('h1', { text: t('tuner.title') }),
      el('div', { class: 'tuner-display' }, note, el('div', {}, cents, verdict, hz)),
      scale,
      status),
    el('section', { class: 'card tuner-controls' },
      el('div', {}, el('label', { for: 'tuner-input', text: t('tuner.input') }), inputSelect),
      el('div', {}, el('label', { for: 'tuner-a4', text: t('tuner.a4') }), el('div', { class: 'row tuner-a4' }, lower, a4Field, raise))));

  const metronome = metronomeCard();
  view.append(metronome.card);

  let lastMillis = 0;
  function showReading(msg) {
    // A reading of another input or reference is from before the last change: not this one's.
    if (msg.input !== input || msg.a4Hz !== a4Hz) return;
    lastMillis = Date.now();
    note.textContent = msg.note;
    const c = msg.cents;
    cents.textContent = t('tuner.cents', { cents: (c >= 0 ? '+' : '−') + number(Math.abs(c), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
    const word = Math.abs(c) <= IN_TUNE_CENTS ? 'inTune' : c > 0 ? 'sharp' : 'flat';
    verdict.textContent = t(VERDICT_WORDS[word]);
    verdict.dataset.verdict = word;
    hz.textContent = t('tuner.hz', { hz: number(msg.hz, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
    needle.style.left = `${50 + Math.max(-50, Math.min(50, c))}%`;
    needle.dataset.verdict = word;
    scale.setAttribute('aria-valuenow', String(Math.round(c)));
  }

  function clearReading() {
    note.textContent = t('tuner.noNote');
    cents.textContent = '';
    verdict.textContent = '';
    delete verdict.dataset.verdict;
    hz.textContent = '';
    needle.style.left = '50%';
    delete needle.dataset.verdict;
  }

  async function start() {
    try {
      await api.post('/api/tuner', { input, a4Hz });
      status.textContent = t('tuner.listening', { n: input, a4: number(a4Hz) });
    } catch (e) {
      status.textContent = t('tuner.unavailable', { reason: e.message });
    }
  }

  function setA4(value) {
    if (!Number.isFinite(value) || value < 415 || value > 466) {
      a4Field.setAttribute('aria-invalid', 'true');
      toast(t('tuner.a4Range'));
      return;
    }
    a4Field.removeAttribute('aria-invalid');
    a4Hz = Math.round(value * 10) / 10;
    a4Field.value = String(a4Hz);
    clearReading();
    start();
  }

  inputSelect.addEventListener('change', () => {
    input = Number(inputSelect.value);
    localStorage.setItem(INPUT_KEY, String(input));
    clearReading();
    start();
  });
  a4Field.addEventListener('change', () => setA4(Number(a4Field.value)));
  lower.addEventListener('click', () => setA4(Math.max(415, a4Hz - 1)));
  raise.addEventListener('click', () => setA4(Math.min(466, a4Hz + 1)));

  const off = live.on('tuner', showReading);
  const stale = setInterval(() => { if (lastMillis && Date.now() - lastMillis > STALE_MILLIS) { lastMillis = 0; clearReading(); } }, 200);
  // The live socket may have reconnected (a restart): start again so readings flow.
  const reopened = live.on('open', start);
  clearReading();
  await start();
  await metronome.load();
  return () => {
    off();
    reopened();
    clearInterval(stale);
    api.post('/api/tuner/stop').catch(() => {});
  };
}

// Each key written out whole, so the message files' test sees it read.
const SUBDIVISION_WORDS = { 1: 'metronome.sub1', 2: 'metronome.sub2', 3: 'metronome.sub3', 4: 'metronome.sub4' };
const TICKS_WORDS = { 2: 'metronome.ticks2', 3: 'metronome.ticks3', 4: 'metronome.ticks4' };

/** The metronome on the appliance's outputs: tempo (typed, stepped or tapped), beats to the bar, subdivisions, sound, level, start and stop. */
function metronomeCard() {
  let on = false;
  let taps = [];
  const bpm = el('input', { id: 'metronome-bpm', type: 'number', min: '20', max: '300', step: '1', value: '120', inputmode: 'numeric' });
  const slower = el('button', { type: 'button', id: 'metronome-slower', 'aria-label': t('metronome.slower') }, '−');
  const faster = el('button', { type: 'button', id: 'metronome-faster', 'aria-label': t('metronome.faster') }, '+');
  const beats = el('select', { id: 'metronome-beats' },
    [2, 3, 4, 5, 6, 7].map((n) => el('option', { value: String(n), text: t('metronome.beatsN', { n }) })));
  beats.value = '4';
  const subdivisions = el('select', { id: 'metronome-subdivisions' },
    [1, 2, 3, 4].map((n) => el('option', { value: String(n), text: t(SUBDIVISION_WORDS[n]) })));
  const sound = soundSelect('metronome-sound', 'beep');
  const level = levelSelect('metronome-level', -12);
  const tap = el('button', { type: 'button', id: 'metronome-tap' }, t('metronome.tap'));
  const toggle = el('button', { type: 'button', id: 'metronome-toggle', class: 'primary', 'aria-pressed': 'false' }, t('metronome.start'));
  const status = el('p', { class: 'muted', id: 'metronome-status' }, t('metronome.off'));
  const card = el('section', { class: 'card metronome' }, el('h2', { text: t('metronome.title') }),
    el('div', { class: 'tuner-controls' },
      el('div', {}, el('label', { for: 'metronome-bpm', text: t('metronome.bpm') }), el('div', { class: 'row tuner-a4' }, slower, bpm, faster)),
      el('div', {}, el('label', { for: 'metronome-beats', text: t('metronome.beats') }), beats),
      el('div', {}, el('label', { for: 'metronome-subdivisions', text: t('metronome.subdivisions') }), subdivisions),
      el('div', {}, el('label', { for: 'metronome-sound', text: t('click.sound') }), sound),
      el('div', {}, el('label', { for: 'metronome-level', text: t('click.level') }), level)),
    el('div', { class: 'row' }, toggle, tap), status);

  function show(state) {
    on = state.on;
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = on ? t('metronome.stop') : t('metronome.start');
    const playing = state.subdivisions > 1
      ? t('metronome.playingIn', { bpm: number(state.bpm), beats: state.beatsPerBar, ticks: t(TICKS_WORDS[state.subdivisions]) })
      : t('metronome.playing', { bpm: number(state.bpm), beats: state.beatsPerBar });
    status.textContent = on ? playing : t('metronome.off');
  }
  function tempo() {
    const v = Number(bpm.value);
    if (!Number.isFinite(v) || v < 20 || v > 300) {
      bpm.setAttribute('aria-invalid', 'true');
      toast(t('metronome.bpmRange'));
      return null;
    }
    bpm.removeAttribute('aria-invalid');
    return Math.round(v * 10) / 10;
  }
  async function send() {
    const b = tempo();
    if (b === null) return;
    try { show(await api.post('/api/metronome', { bpm: b, beatsPerBar: Number(beats.value), subdivisions: Number(subdivisions.value), sound: sound.value, levelDb: Number(level.value) })); } catch (e) { toast(e.message); }
  }
  async function changed() { if (on) await send(); }
  toggle.addEventListener('click', async () => {
    if (on) {
      try { show(await api.post('/api/metronome/stop')); } catch (e) { toast(e.message); }
    } else {
      await send();
    }
  });
  slower.addEventListener('click', () => { bpm.value = String(Math.max(20, Math.round(Number(bpm.value) || 120) - 1)); changed(); });
  faster.addEventListener('click', () => { bpm.value = String(Math.min(300, Math.round(Number(bpm.value) || 120) + 1)); changed(); });
  bpm.addEventListener('change', changed);
  beats.addEventListener('change', changed);
  subdivisions.addEventListener('change', changed);
  sound.addEventListener('change', changed);
  level.addEventListener('change', changed);
  // Tap tempo: the mean of the last taps' intervals; a pause of 2 s starts over.
  tap.addEventListener('click', () => {
    const now = performance.now();
    if (taps.length && now - taps[taps.length - 1] > 2000) taps = [];
    taps.push(now);
    taps = taps.slice(-6);
    if (taps.length >= 2) {
      const mean = (taps[taps.length - 1] - taps[0]) / (taps.length - 1);
      bpm.value = String(Math.min(300, Math.max(20, Math.round(60000 / mean))));
      changed();
    }
  });
  async function load() {
    try {
      const state = await api.get('/api/metronome');
      bpm.value = String(state.bpm);
      beats.value = String(state.beatsPerBar);
      subdivisions.value = String(state.subdivisions);
      sound.value = state.sound;
      chooseLevel(level, state.levelDb);
      show(state);
    } catch (e) { status.textContent = e.message; }
  }
  return { card, load };
}
