// Mix: a channel strip per track (fader, pan, mute/solo, EQ, compressor, reverb and delay sends)
// and Listen, which plays a preview render that follows the settings a moment after each change.
import * as api from '../api.js';
import { el, toast, unavailable, currentTakeId, takeTitle } from '../ui.js';
import * as jobs from '../jobs.js';

const OFF_DB = -60;

function levelToSlider(db) { return db === '-inf' || db <= OFF_DB ? OFF_DB : db; }
function sliderToLevel(v) { return Number(v) <= OFF_DB ? '-inf' : Number(v); }

function slider(label, id, min, max, step, value, onInput, unit = 'dB') {
  const out = el('span', { class: 'muted', text: '' });
  const input = el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value), 'aria-label': label });
  const show = () => { out.textContent = Number(input.value) <= min && unit === 'dB' && min === OFF_DB ? ' off' : ` ${Number(input.value).toFixed(step < 1 ? 1 : 0)} ${unit}`; };
  input.addEventListener('input', () => { show(); onInput(Number(input.value)); });
  show();
  return el('div', {}, el('label', { for: id }, label, out), input);
}

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, 'Choose a take on the Takes page first; Mix works on the take chosen there.'); return null; }
  let take;
  let mix;
  try {
    take = await api.get(`/api/takes/${encodeURIComponent(id)}`);
    mix = await api.get(`/api/takes/${encodeURIComponent(id)}/mix`);
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : `The mix cannot be shown: ${e.message}`);
    return null;
  }
  const audio = el('audio', { id: 'listen-player', controls: true });
  const status = el('span', { class: 'muted', id: 'listen-status', text: '' });
  const listen = el('button', { type: 'button', id: 'listen', 'aria-pressed': 'false' }, 'Listen');
  view.append(el('section', { class: 'card' }, takeTitle('Mix', take.name), el('div', { class: 'row' }, listen, status), audio));
  const strips = el('div', { class: 'strips' });
  view.append(el('section', { class: 'card' }, strips));
  mix.tracks = mix.tracks || {};

  let saveTimer = null;
  let listening = false;
  let previewJob = null;
  function changed() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 400);
  }
  async function save() {
    try {
      mix = await api.put(`/api/takes/${encodeURIComponent(id)}/mix`, mix);
      if (listening) await preview();
    } catch (e) { toast(e.message); }
  }
  async function preview() {
    if (previewJob) jobs.cancel(previewJob).catch(() => {});
    status.textContent = 'rendering preview…';
    try {
      const started = await api.post(`/api/takes/${encodeURIComponent(id)}/preview`);
      previewJob = started.job;
      const job = await jobs.follow(started.job, (p) => { status.textContent = `rendering preview… ${Math.round(p * 100)} %`; });
      const at = audio.currentTime;
      audio.src = `${job.url}?v=${Date.now()}`;
      audio.currentTime = at;
      await audio.play().catch(() => {});
      status.textContent = 'playing the current mix';
    } catch (e) { status.textContent = e.message; }
  }
  listen.addEventListener('click', async () => {
    listening = !listening;
    listen.setAttribute('aria-pressed', String(listening));
    if (listening) await preview(); else { audio.pause(); status.textContent = ''; }
  });

  // Strip meters while Listen plays: each track's peak at the playing position (from the take's
  // waveform overview, measured from its file) plus its fader, so a fader move shows at once.
  const stripMeters = [];
  let overview = null;
  api.get(`/api/takes/${encodeURIComponent(id)}/waveform`).then((w) => { overview = w; }).catch(() => {});
  let frame = 0;
  const drawMeters = () => {
    frame = requestAnimationFrame(drawMeters);
    if (!overview || audio.paused) return;
    const b = Math.floor((audio.currentTime / Math.max(0.001, take.durationSeconds)) * overview.buckets);
    stripMeters.forEach(({ fill, track, settings }, i) => {
      const peaks = overview.tracks[i];
      let db = -120;
      if (peaks && b >= 0 && b < peaks.max.length && !settings.mute) {
        const linear = Math.max(Math.abs(peaks.min[b]), Math.abs(peaks.max[b]));
        const fader = settings.fader_db === '-inf' ? -120 : Number(settings.fader_db ?? 0);
        db = linear > 0 ? 20 * Math.log10(linear) + fader : -120;
      }
      fill.style.width = `${Math.max(0, Math.min(100, ((db + 60) / 60) * 100))}%`;
      fill.dataset.db = String(db);
    });
  };
  frame = requestAnimationFrame(drawMeters);

  for (const track of take.tracks) {
    const key = track.stem;
    const t = mix.tracks[key] || (mix.tracks[key] = {});
    t.eq = t.eq || {};
    t.compressor = t.compressor || {};
    const set = (fn) => (v) => { fn(v); changed(); };
    const mute = el('button', { type: 'button', 'aria-pressed': String(!!t.mute) }, 'M');
    const solo = el('button', { type: 'button', 'aria-pressed': String(!!t.solo) }, 'S');
    mute.addEventListener('click', () => { t.mute = !t.mute; mute.setAttribute('aria-pressed', String(t.mute)); changed(); });
    solo.addEventListener('click', () => { t.solo = !t.solo; solo.setAttribute('aria-pressed', String(t.solo)); changed(); });
    const comp = el('button', { type: 'button', 'aria-pressed': String(!!t.compressor.on) }, 'Comp');
    comp.addEventListener('click', () => { t.compressor.on = !t.compressor.on; comp.setAttribute('aria-pressed', String(t.compressor.on)); changed(); });
    const band = (name) => (t.eq[name] = t.eq[name] || {});
    const meterFill = el('div', { class: 'strip-meter-fill' });
    stripMeters.push({ fill: meterFill, track, settings: t });
    strips.append(el('div', { class: 'strip card', 'data-track': String(track.number) },
      el('h3', { text: `${track.number} · ${track.name}` }),
      el('div', { class: 'strip-meter', title: 'Level while Listen plays' }, meterFill),
      el('div', { class: 'row' }, mute, solo, comp),
      slider('Fader', `fader-${track.number}`, OFF_DB, 12, 0.5, levelToSlider(t.fader_db ?? 0), set((v) => { t.fader_db = sliderToLevel(v); })),
      slider('Pan', `pan-${track.number}`, -1, 1, 0.05, t.pan ?? 0, set((v) => { t.pan = v; }), ''),
      slider('Low', `low-${track.number}`, -12, 12, 0.5, band('low_shelf').gain_db ?? 0, set((v) => { band('low_shelf').gain_db = v; })),
      slider('Mid 1', `mid1-${track.number}`, -12, 12, 0.5, band('peak_1').gain_db ?? 0, set((v) => { band('peak_1').gain_db = v; })),
      slider('Mid 2', `mid2-${track.number}`, -12, 12, 0.5, band('peak_2').gain_db ?? 0, set((v) => { band('peak_2').gain_db = v; })),
      slider('High', `high-${track.number}`, -12, 12, 0.5, band('high_shelf').gain_db ?? 0, set((v) => { band('high_shelf').gain_db = v; })),
      slider('Comp threshold', `thr-${track.number}`, -60, 0, 1, t.compressor.threshold_db ?? -18, set((v) => { t.compressor.threshold_db = v; })),
      slider('Comp ratio', `ratio-${track.number}`, 1, 20, 0.5, t.compressor.ratio ?? 3, set((v) => { t.compressor.ratio = v; }), ':1'),
      slider('Reverb send', `rev-${track.number}`, OFF_DB, 6, 0.5, levelToSlider(t.reverb_send_db ?? '-inf'), set((v) => { t.reverb_send_db = sliderToLevel(v); })),
      slider('Delay send', `dly-${track.number}`, OFF_DB, 6, 0.5, levelToSlider(t.delay_send_db ?? '-inf'), set((v) => { t.delay_send_db = sliderToLevel(v); }))));
  }
  return () => { cancelAnimationFrame(frame); clearTimeout(saveTimer); audio.pause(); if (previewJob) jobs.cancel(previewJob).catch(() => {}); };
}
