// Mix: the take's mixer, live. Play, pause, seek and stop the take on the appliance's outputs;
// a channel strip per track (fader, pan, mute/solo, EQ, compressor, reverb and delay sends) whose
// every move is heard at once (sent to the playing mix, then saved a moment later), with each
// strip's post-fader meter and the master's, measured by the playback engine; and "Listen here",
// the same live mix streamed to this browser.
import * as api from '../api.js';
import * as live from '../live.js';
import * as stream from '../stream.js';
import { t } from '../i18n.js';
import { el, toast, unavailable, currentTakeId, takeTitle, clock } from '../ui.js';

const OFF_DB = -60;
const METER_FLOOR_DB = -60;

function levelToSlider(db) { return db === '-inf' || db <= OFF_DB ? OFF_DB : db; }
function sliderToLevel(v) { return Number(v) <= OFF_DB ? '-inf' : Number(v); }

function slider(label, id, min, max, step, value, onInput, unit = 'dB') {
  const out = el('span', { class: 'muted', text: '' });
  const input = el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value), 'aria-label': label });
  const show = () => {
    const v = Number(input.value);
    out.textContent = v <= min && unit === 'dB' && min === OFF_DB ? ` ${t('mix.off')}` : ` ${v.toFixed(step < 1 ? 1 : 0)} ${unit}`;
  };
  input.addEventListener('input', () => { show(); onInput(Number(input.value)); });
  show();
  return el('div', {}, el('label', { for: id }, label, out), input);
}

/** A horizontal meter: the bar's width and the dB figure beside it (never colour alone). */
function meter(id, label) {
  const fill = el('div', { class: 'strip-meter-fill' });
  const figure = el('span', { class: 'meter-db muted', text: '–' });
  const bar = el('div', { class: 'strip-meter', id, role: 'meter', 'aria-label': label, 'aria-valuemin': String(METER_FLOOR_DB), 'aria-valuemax': '0',
    'aria-valuenow': String(METER_FLOOR_DB) }, fill);
  const set = (db) => {
    fill.style.width = `${Math.max(0, Math.min(100, ((db - METER_FLOOR_DB) / -METER_FLOOR_DB) * 100))}%`;
    // The colour scale spans the whole bar, whatever its width: green low, red at full scale.
    fill.style.backgroundSize = `${bar.clientWidth}px 100%`;
    fill.dataset.db = String(db);
    bar.setAttribute('aria-valuenow', String(Math.max(METER_FLOOR_DB, db)));
    figure.textContent = db <= METER_FLOOR_DB ? '–' : `${db.toFixed(1)} dB`;
  };
  return { node: el('div', { class: 'meter-row' }, bar, figure), set };
}

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, t('mix.chooseTake')); return null; }
  const path = `/api/takes/${encodeURIComponent(id)}`;
  let take;
  let mix;
  try {
    take = await api.get(path);
    mix = await api.get(`${path}/mix`);
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : t('mix.cannotShow', { error: e.message }));
    return null;
  }
  mix.tracks = mix.tracks || {};

  // The transport: what the engine plays, as the /ws playback messages say.
  const playButton = el('button', { type: 'button', id: 'mix-play', class: 'primary', 'aria-pressed': 'false' }, t('mix.play'));
  const stopButton = el('button', { type: 'button', id: 'mix-stop' }, t('mix.stop'));
  const position = el('input', { type: 'range', id: 'mix-position', min: '0', max: String(Math.max(0.1, take.durationSeconds || 0)), step: '0.01', value: '0', 'aria-label': t('mix.position') });
  const time = el('span', { id: 'mix-time', class: 'muted', text: `${clock(0)} / ${clock(take.durationSeconds)}` });
  const listenButton = el('button', { type: 'button', id: 'mix-listen', 'aria-pressed': 'false' }, t('mix.listenHere'));
  const status = el('p', { id: 'mix-status', class: 'muted', 'aria-live': 'polite', text: t('mix.stopped') });
  const masterLeft = meter('master-meter-left', t('mix.masterLeft'));
  const masterRight = meter('master-meter-right', t('mix.masterRight'));
  const heard = meter('stream-meter', t('mix.heardHere'));
  view.append(el('section', { class: 'card' }, takeTitle(t('mix.title'), take.name),
    el('div', { class: 'row' }, playButton, stopButton, listenButton),
    el('label', { for: 'mix-position' }, t('mix.position'), ' ', time), position,
    el('div', { class: 'master-meters' },
      el('span', { class: 'muted', text: t('mix.masterLeft') }), masterLeft.node,
      el('span', { class: 'muted', text: t('mix.masterRight') }), masterRight.node,
      el('span', { class: 'muted', text: t('mix.heardHere') }), heard.node),
    status));
  const strips = el('div', { class: 'strips' });
  view.append(el('section', { class: 'card' }, strips));

  let open = false; // this take is open in the engine (playing or paused)
  let playing = false;
  let seeking = false;
  const stripMeters = [];
  function showPlayback(doc) {
    open = doc.take === id;
    playing = open && doc.playing;
    playButton.textContent = playing ? t('mix.pause') : t('mix.play');
    playButton.setAttribute('aria-pressed', String(playing));
    if (!open) {
      status.textContent = doc.take ? t('mix.otherTake') : t('mix.stopped');
      stripMeters.forEach((m) => m.set(-120));
      masterLeft.set(-120);
      masterRight.set(-120);
      return;
    }
    if (!seeking) position.value = String(doc.positionSeconds);
    time.textContent = `${clock(doc.positionSeconds)} / ${clock(doc.lengthSeconds)}`;
    const state = doc.problem ? doc.problem : playing ? t('mix.playing') : doc.ended ? t('mix.ended') : t('mix.paused');
    status.textContent = t('mix.status', { state, underruns: doc.underruns, starved: doc.starvedPeriods });
    status.dataset.underruns = String(doc.underruns);
    if (doc.meters) {
      doc.meters.tracks.forEach((db, i) => stripMeters[i] && stripMeters[i].set(db));
      masterLeft.set(doc.meters.master[0]);
      masterRight.set(doc.meters.master[1]);
    }
  }
  const offPlayback = live.on('playback', showPlayback);
  api.get('/api/playback').then(showPlayback).catch(() => {});

  async function transport(request) {
    try { showPlayback(await request()); } catch (e) { toast(e.message); }
  }
  playButton.addEventListener('click', () => transport(() => (playing
    ? api.post('/api/playback/pause')
    : api.post(`${path}/play`, { fromSeconds: Number(position.value) }))));
  stopButton.addEventListener('click', () => transport(() => api.post('/api/playback/stop')));
  position.addEventListener('input', () => { seeking = true; time.textContent = `${clock(Number(position.value))} / ${clock(take.durationSeconds)}`; });
  position.addEventListener('change', () => {
    seeking = false;
    if (open) transport(() => api.post('/api/playback/seek', { seconds: Number(position.value) }));
  });

  let listening = null;
  listenButton.addEventListener('click', async () => {
    if (listening) {
      listening.stop();
      listening = null;
      heard.set(-120);
    } else {
      try { listening = await stream.listen((db) => heard.set(db)); } catch (e) { toast(t('mix.listenFailed', { error: e.message })); }
    }
    listenButton.setAttribute('aria-pressed', String(!!listening));
  });

  // A move is heard at once (one request on the way at a time, the newest mix next) and saved
  // a moment after the last one.
  let saveTimer = null;
  let sending = false;
  let sendAgain = false;
  async function sendLive() {
    if (!open) return;
    if (sending) { sendAgain = true; return; }
    sending = true;
    try { await api.put(`${path}/mix/live`, mix); } catch (e) { if (e.status !== 409) toast(e.message); }
    sending = false;
    if (sendAgain) { sendAgain = false; sendLive(); }
  }
  async function save() {
    try { await api.put(`${path}/mix`, mix); } catch (e) { toast(e.message); }
  }
  function changed() {
    sendLive();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 400);
  }

  for (const track of take.tracks) {
    const key = track.stem;
    const s = mix.tracks[key] || (mix.tracks[key] = {});
    s.eq = s.eq || {};
    s.compressor = s.compressor || {};
    const set = (fn) => (v) => { fn(v); changed(); };
    const mute = el('button', { type: 'button', 'aria-pressed': String(!!s.mute), 'aria-label': t('mix.muteTrack', { track: track.name }) }, t('mix.mute'));
    const solo = el('button', { type: 'button', 'aria-pressed': String(!!s.solo), 'aria-label': t('mix.soloTrack', { track: track.name }) }, t('mix.solo'));
    mute.addEventListener('click', () => { s.mute = !s.mute; mute.setAttribute('aria-pressed', String(s.mute)); changed(); });
    solo.addEventListener('click', () => { s.solo = !s.solo; solo.setAttribute('aria-pressed', String(s.solo)); changed(); });
    const comp = el('button', { type: 'button', 'aria-pressed': String(!!s.compressor.on) }, t('mix.comp'));
    comp.addEventListener('click', () => { s.compressor.on = !s.compressor.on; comp.setAttribute('aria-pressed', String(s.compressor.on)); changed(); });
    const band = (name) => (s.eq[name] = s.eq[name] || {});
    const stripMeter = meter(`strip-meter-${track.number}`, t('mix.stripMeter', { track: track.name }));
    stripMeters.push(stripMeter);
    strips.append(el('div', { class: 'strip card', 'data-track': String(track.number) },
      el('h3', { text: `${track.number} · ${track.name}` }),
      stripMeter.node,
      el('div', { class: 'row' }, mute, solo, comp),
      slider(t('mix.fader'), `fader-${track.number}`, OFF_DB, 12, 0.5, levelToSlider(s.fader_db ?? 0), set((v) => { s.fader_db = sliderToLevel(v); })),
      slider(t('mix.pan'), `pan-${track.number}`, -1, 1, 0.05, s.pan ?? 0, set((v) => { s.pan = v; }), ''),
      slider(t('mix.low'), `low-${track.number}`, -12, 12, 0.5, band('low_shelf').gain_db ?? 0, set((v) => { band('low_shelf').gain_db = v; })),
      slider(t('mix.mid1'), `mid1-${track.number}`, -12, 12, 0.5, band('peak_1').gain_db ?? 0, set((v) => { band('peak_1').gain_db = v; })),
      slider(t('mix.mid2'), `mid2-${track.number}`, -12, 12, 0.5, band('peak_2').gain_db ?? 0, set((v) => { band('peak_2').gain_db = v; })),
      slider(t('mix.high'), `high-${track.number}`, -12, 12, 0.5, band('high_shelf').gain_db ?? 0, set((v) => { band('high_shelf').gain_db = v; })),
      slider(t('mix.compThreshold'), `thr-${track.number}`, -60, 0, 1, s.compressor.threshold_db ?? -18, set((v) => { s.compressor.threshold_db = v; })),
      slider(t('mix.compRatio'), `ratio-${track.number}`, 1, 20, 0.5, s.compressor.ratio ?? 3, set((v) => { s.compressor.ratio = v; }), ':1'),
      slider(t('mix.reverbSend'), `rev-${track.number}`, OFF_DB, 6, 0.5, levelToSlider(s.reverb_send_db ?? '-inf'), set((v) => { s.reverb_send_db = sliderToLevel(v); })),
      slider(t('mix.delaySend'), `dly-${track.number}`, OFF_DB, 6, 0.5, levelToSlider(s.delay_send_db ?? '-inf'), set((v) => { s.delay_send_db = sliderToLevel(v); }))));
  }
  return () => {
    offPlayback();
    if (saveTimer) { clearTimeout(saveTimer); save(); }
    if (listening) listening.stop();
  };
}
