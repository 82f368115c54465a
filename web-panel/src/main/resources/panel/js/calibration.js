// The round-trip calibration the overdubs are placed with: a card for Settings that runs it on the
// appliance's interface (the recorder lets go of the device meanwhile) and follows it until the
// result is stored, and the one line the Song page shows when the current settings have none.
// Teachers only: for anyone else the API says no and nothing is shown.
import * as api from './api.js';
import { el } from './ui.js';
import { t, number } from './i18n.js';

function described(c) {
  return c.calibrated
    ? t('calibration.calibrated', { frames: number(c.roundTripFrames), ms: number(c.roundTripMs), spread: number(c.spreadFrames) })
    : t('calibration.uncalibrated');
}

/** The line for the Song page: empty when the current settings are calibrated (or it cannot be known). */
export async function calibrationNote() {
  const note = el('p', { id: 'song-calibration', class: 'muted' });
  try {
    const c = await api.get('/api/calibration');
    if (c.available && !c.calibrated) note.textContent = `${t('calibration.uncalibrated')} (${t('calibration.estimate', { frames: number(c.roundTripFrames), ms: number(c.roundTripMs) })})`;
  } catch { /* not a teacher, or no overdubs here */ }
  return note;
}

/** The Settings card, or null when this person may not calibrate. */
export async function calibrationCard() {
  let c;
  try { c = await api.get('/api/calibration'); } catch { return null; }
  if (!c.available) return null;
  const status = el('p', { id: 'calibration-status', role: 'status' });
  const settings = el('p', { id: 'calibration-settings', class: 'muted' });
  const problem = el('p', { id: 'calibration-error', class: 'field-error', role: 'alert' });
  const progress = el('progress', { id: 'calibration-progress', hidden: true, 'aria-label': t('calibration.measuring') });
  const field = (id, label) => [el('label', { for: id, text: label }),
    el('input', { id, type: 'number', min: '1', max: '64', step: '1', inputmode: 'numeric', value: '1' })];
  const button = el('button', { type: 'button', id: 'calibrate', class: 'primary' }, t('calibration.run'));
  const card = el('section', { class: 'card', id: 'calibration' }, el('h2', { text: t('calibration.title') }),
    el('p', { class: 'muted', text: t('calibration.how') }),
    status, settings,
    el('div', { class: 'punch-grid' }, el('div', {}, ...field('calibration-output', t('calibration.output'))),
      el('div', {}, ...field('calibration-input', t('calibration.input')))),
    el('div', { class: 'row' }, button, el('div', { class: 'grow' }, progress)),
    problem);

  let timer = null;
  function show(now) {
    c = now;
    status.textContent = now.running ? t('calibration.measuring') : described(now);
    status.dataset.calibrated = String(now.calibrated);
    settings.textContent = t('calibration.for', { device: now.device, rate: number(now.rateHz), period: number(now.periodFrames), buffer: number(now.bufferPeriods) });
    progress.hidden = !now.running;
    button.disabled = now.running;
    problem.textContent = now.lastProblem ? t('calibration.failed', { why: now.lastProblem }) : '';
    clearTimeout(timer);
    // Follow a running measurement until its result is stored (a few seconds at most).
    if (now.running && card.isConnected) timer = setTimeout(refresh, 300);
  }
  async function refresh() {
    try { show(await api.get('/api/calibration')); } catch (e) { problem.textContent = e.message; }
  }
  button.addEventListener('click', async () => {
    problem.textContent = '';
    try {
      show(await api.post('/api/calibration', {
        output: Number(card.querySelector('#calibration-output').value), input: Number(card.querySelector('#calibration-input').value) }));
      if (!c.running) await refresh();
    } catch (e) { problem.textContent = e.message; }
  });
  show(c);
  if (c.running) setTimeout(refresh, 300);
  return card;
}
