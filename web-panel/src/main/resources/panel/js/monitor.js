// The monitor mix of an overdub pass, on the Settings page: on or off, the output pair the pass is
// heard on (the song, the monitored inputs and the click), and per input a level, a pan and a mute.
// Saved through /api/monitor; heard at once while recording and in the next pass. Teachers only: for anyone else the card is left out.
import * as api from './api.js';
import { el } from './ui.js';
import { t } from './i18n.js';

const PAIRS = ['1-2', '3-4', '5-6', '7-8'];

export async function monitorCard() {
  let m;
  try { m = await api.get('/api/monitor'); } catch (e) { return null; }
  const on = el('button', { type: 'button', id: 'monitor-on', class: 'toggle', 'aria-pressed': String(m.on) }, t('monitor.on'));
  on.addEventListener('click', () => on.setAttribute('aria-pressed', String(on.getAttribute('aria-pressed') !== 'true')));
  const pairs = PAIRS.includes(m.outputs) ? PAIRS : [...PAIRS, m.outputs];
  const outputs = el('select', { id: 'monitor-outputs' }, pairs.map((p) => el('option', { value: p, text: p, selected: p === m.outputs })));
  const rows = [];
  for (let n = 1; n <= m.interfaceInputs; n++) {
    const now = m.inputs.find((i) => i.input === n) || { input: n, levelDb: 0, pan: 0, mute: true };
    const level = el('input', { id: `monitor-level-${n}`, type: 'number', min: '-60', max: '12', step: '1', inputmode: 'decimal',
      value: String(now.levelDb), 'aria-label': t('monitor.level', { input: n }) });
    const pan = el('input', { id: `monitor-pan-${n}`, type: 'number', min: '-1', max: '1', step: '0.1', inputmode: 'decimal',
      value: String(now.pan), 'aria-label': t('monitor.pan', { input: n }) });
    const mute = el('button', { type: 'button', class: 'toggle', id: `monitor-mute-${n}`, 'aria-pressed': String(now.mute),
      'aria-label': t('monitor.mute', { input: n }) }, t('monitor.muteShort'));
    mute.addEventListener('click', () => mute.setAttribute('aria-pressed', String(mute.getAttribute('aria-pressed') !== 'true')));
    rows.push({ n, level, pan, mute });
  }
  const table = el('table', { class: 'monitor-inputs' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('monitor.input') }), el('th', { scope: 'col', text: t('monitor.levelHead') }),
      el('th', { scope: 'col', text: t('monitor.panHead') }), el('th', { scope: 'col', text: t('monitor.muteHead') }))),
    el('tbody', {}, rows.map((r) => el('tr', {}, el('th', { scope: 'row', text: String(r.n) }), el('td', {}, r.level), el('td', {}, r.pan), el('td', {}, r.mute)))));
  const error = el('p', { id: 'monitor-error', class: 'field-error', role: 'alert' });
  const result = el('p', { id: 'monitor-result', class: 'muted', role: 'status' });
  const save = el('button', { type: 'button', id: 'save-monitor', class: 'primary' }, t('monitor.save'));
  save.addEventListener('click', async () => {
    error.textContent = '';
    result.textContent = '';
    try {
      await api.put('/api/monitor', {
        on: on.getAttribute('aria-pressed') === 'true',
        outputs: outputs.value,
        inputs: rows.map((r) => ({ input: r.n, levelDb: Number(r.level.value), pan: Number(r.pan.value), mute: r.mute.getAttribute('aria-pressed') === 'true' })),
      });
      result.textContent = t('monitor.saved');
    } catch (e) { error.textContent = e.message; }
  });
  return el('section', { class: 'card', id: 'monitor' }, el('h2', { text: t('monitor.title') }),
    el('p', { class: 'muted', text: t('monitor.hint') }),
    el('div', { class: 'row' }, on),
    el('label', { for: 'monitor-outputs', text: t('monitor.outputs') }), outputs,
    table, error, el('div', { class: 'row' }, save), result);
}
