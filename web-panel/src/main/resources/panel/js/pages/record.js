// Record: the big button, per-input meters (dB scale, peak hold, clip), input names, gain and
// arming, the time since the press with the pre-roll shown apart, and time left on disk.
import * as api from '../api.js';
import * as live from '../live.js';
import { el, clock, hoursMinutes, toast } from '../ui.js';
import { t, fixed, number } from '../i18n.js';

const HOLD_MILLIS = 1500;
const FLOOR_DB = -60;
const SCALE_DB = [0, -10, -20, -30, -40, -60];

function heightPercent(db) {
  if (!(db > FLOOR_DB)) return 0;
  return Math.min(100, ((db - FLOOR_DB) / -FLOOR_DB) * 100);
}

export async function show(view) {
  const button = el('button', { id: 'record-button', type: 'button', 'aria-label': t('record.start'), 'data-recording': 'false' }, el('span', { class: 'dot' }));
  const elapsed = el('span', { id: 'elapsed', class: 'big-number', text: '00:00' });
  const left = el('span', { id: 'time-left', class: 'big-number', text: '–' });
  const preRollLine = el('div', { id: 'pre-roll', class: 'pre-roll' });
  const reason = el('p', { id: 'state-reason', class: 'muted' });
  const markerButton = el('button', { id: 'marker-button', type: 'button', disabled: true }, t('record.marker'));
  const meterBox = el('div', { class: 'meters', id: 'meters' });
  view.append(
    el('section', { class: 'card record-top' },
      button,
      el('div', {},
        el('div', { class: 'times' },
          el('div', {}, el('h3', { text: t('record.sinceThePress') }), elapsed, preRollLine),
          el('div', {}, el('h3', { text: t('record.timeLeft') }), left)),
        reason,
        el('div', { class: 'row' }, markerButton))),
    el('section', { class: 'card' }, el('h2', { class: 'inputs-title', text: t('record.inputs') }), meterBox));

  let state = { state: 'idle', sinceMillis: 0 };
  let stateAtMillis = Date.now();
  const meters = [];
  // The take's elapsed time counts its pre-roll; the clock shows the time since the press and the
  // pre-roll beside it. configuredPreRoll is the setting; takePreRoll what the take got (less when
  // the engine had been capturing for less than the setting).
  let configuredPreRoll = null;
  let takePreRoll = 0;
  function showPreRoll() {
    const recording = state.state === 'recording' || state.state === 'stopping';
    if (recording) preRollLine.textContent = t('record.preRollTaken', { seconds: fixed(takePreRoll, 1) });
    else preRollLine.textContent = configuredPreRoll === null ? '' : t('record.preRollKept', { seconds: number(configuredPreRoll) });
  }

  function renderState(msg) {
    // A POST's answer can arrive after a newer WebSocket state: never step back in time.
    if (msg.sinceMillis < state.sinceMillis) return;
    const wasRecording = state.state === 'recording';
    if (msg.state === 'recording' && !wasRecording) {
      takePreRoll = Math.min(configuredPreRoll ?? Infinity, msg.elapsedSeconds);
      if (!Number.isFinite(takePreRoll)) takePreRoll = 0;
    }
    state = msg;
    stateAtMillis = Date.now();
    const recording = msg.state === 'recording' || msg.state === 'stopping';
    button.dataset.recording = String(recording);
    button.setAttribute('aria-label', recording ? t('record.stop') : t('record.start'));
    markerButton.disabled = msg.state !== 'recording';
    left.textContent = hoursMinutes(msg.freeDiskSeconds);
    reason.textContent = msg.state === 'error' || msg.state === 'waiting' ? msg.reason : '';
    showPreRoll();
    tick();
  }

  function tick() {
    const recording = state.state === 'recording';
    const extra = recording ? (Date.now() - stateAtMillis) / 1000 : 0;
    elapsed.textContent = clock(recording ? Math.max(0, state.elapsedSeconds + extra - takePreRoll) : 0);
  }

  function buildMeters(inputs) {
    meterBox.replaceChildren(el('div', { class: 'meter-scale', 'aria-hidden': 'true' },
      el('div', { class: 'scale-box' }, SCALE_DB.map((db) => el('span', { style: { bottom: `${heightPercent(db + 0.001)}%` }, text: number(db) })))));
    meters.length = 0;
    for (const input of inputs) {
      const fill = el('div', { class: 'fill' });
      const rms = el('div', { class: 'rms' });
      const hold = el('div', { class: 'hold' });
      const db = el('div', { class: 'db', text: '–∞' });
      const clip = el('button', { class: 'clip', type: 'button', 'data-clipped': 'false', 'aria-label': t('record.clipOf', { n: input.number }) }, t('record.clip'));
      const name = el('input', { type: 'text', value: input.name, maxlength: '40', 'aria-label': t('record.nameOf', { n: input.number }) });
      const arm = el('button', { class: 'arm', type: 'button', 'aria-pressed': String(input.armed), 'aria-label': t('record.armOf', { n: input.number }) });
      const showArm = (on) => { arm.setAttribute('aria-pressed', String(on)); arm.textContent = on ? t('record.armed') : t('record.off'); };
      showArm(input.armed);
      const hasGain = input.gainDb !== null && input.gainDb !== undefined;
      const gain = el('input', { class: 'gain', type: 'number', inputmode: 'decimal', min: '-60', max: '24', step: '0.5',
        value: hasGain ? input.gainDb.toFixed(1) : '', placeholder: hasGain ? '' : t('record.noGain'), disabled: !hasGain,
        'aria-label': t('record.gainOf', { n: input.number }), title: hasGain ? t('record.gainTitle') : t('record.gainNone') });
      gain.addEventListener('change', async () => {
        const wanted = Number(gain.value);
        if (gain.value.trim() === '' || !Number.isFinite(wanted)) { gain.setAttribute('aria-invalid', 'true'); toast(t('record.gainRange')); return; }
        try {
          const updated = await api.patch(`/api/inputs/${input.number}`, { gainDb: wanted });
          gain.value = updated.gainDb === null ? '' : updated.gainDb.toFixed(1);
          gain.removeAttribute('aria-invalid');
        } catch (e) { gain.setAttribute('aria-invalid', 'true'); toast(e.message); }
      });
      const m = { fill, rms, hold, db, clip, holdDb: -Infinity, holdAt: 0 };
      clip.addEventListener('click', () => { clip.dataset.clipped = 'false'; });
      name.addEventListener('change', async () => {
        try { await api.patch(`/api/inputs/${input.number}`, { name: name.value }); } catch (e) { toast(e.message); }
      });
      arm.addEventListener('click', async () => {
        const next = arm.getAttribute('aria-pressed') !== 'true';
        try {
          const updated = await api.patch(`/api/inputs/${input.number}`, { armed: next });
          showArm(updated.armed);
        } catch (e) { toast(e.message); }
      });
      meters.push(m);
      meterBox.append(el('div', { class: 'meter', 'data-input': String(input.number) },
        el('div', { class: 'bar-box' }, SCALE_DB.slice(1, -1).map((d) => el('div', { class: 'tick', style: { bottom: `${heightPercent(d + 0.001)}%` } })), fill, rms, hold),
        el('div', { class: 'db-row' }, db, clip), name, gain, arm));
    }
  }

  function renderMeters(msg) {
    const now = performance.now();
    msg.peakDbfs.forEach((peak, i) => {
      const m = meters[i];
      if (!m) return;
      m.fill.style.height = `${heightPercent(peak)}%`;
      m.rms.style.height = `${heightPercent(msg.rmsDbfs[i])}%`;
      if (peak >= m.holdDb || now - m.holdAt > HOLD_MILLIS) {
        m.holdDb = peak;
        m.holdAt = now;
      }
      m.hold.style.bottom = `${heightPercent(m.holdDb)}%`;
      m.db.textContent = peak > -120 ? fixed(peak, 1) : '–∞';
      m.db.dataset.peak = String(peak);
      if (msg.clipped[i]) m.clip.dataset.clipped = 'true';
    });
  }

  button.addEventListener('click', async () => {
    const recording = button.dataset.recording === 'true';
    try {
      renderState(await api.post(recording ? '/api/transport/stop' : '/api/transport/record'));
    } catch (e) { toast(e.message); }
  });
  markerButton.addEventListener('click', async () => {
    try { await api.post('/api/markers', { label: '' }); toast(t('record.markerSet')); } catch (e) { toast(e.message); }
  });

  const offs = [live.on('state', renderState), live.on('meters', renderMeters)];
  const timer = setInterval(tick, 250);
  try {
    buildMeters(await api.get('/api/inputs'));
    configuredPreRoll = (await api.get('/api/settings')).preRollSeconds;
    renderState(await api.get('/api/state'));
  } catch (e) { toast(e.message); }
  return () => { offs.forEach((off) => off()); clearInterval(timer); };
}
