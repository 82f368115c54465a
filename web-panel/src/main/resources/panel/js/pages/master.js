// Master: loudness target presets, ceiling, and the take's loudness and true peak before and
// after mastering, measured by a render (never estimated).
import * as api from '../api.js';
import { el, toast, unavailable, currentTakeId, takeTitle } from '../ui.js';
import * as jobs from '../jobs.js';

const PRESETS = [
  ['streaming', 'Streaming −14 LUFS'],
  ['apple', 'Apple −16 LUFS'],
  ['rehearsal', 'Rehearsal −18 LUFS'],
  ['broadcast', 'Broadcast −23 LUFS'],
];

function figure(label, value, unit, id, cls) {
  return el('div', { class: cls }, el('span', { class: 'muted', text: label }), el('b', { id, text: Number.isFinite(value) ? `${value.toFixed(1)} ${unit}` : '–' }));
}

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, 'Choose a take on the Takes page first; Master works on the take chosen there.'); return null; }
  let master;
  let take;
  try {
    take = await api.get(`/api/takes/${encodeURIComponent(id)}`);
    master = await api.get(`/api/takes/${encodeURIComponent(id)}/master`);
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : `The master settings cannot be shown: ${e.message}`);
    return null;
  }
  const presets = el('div', { class: 'presets' });
  const ceiling = el('input', { type: 'range', id: 'ceiling', min: '-6', max: '0', step: '0.1', value: String(master.ceiling_dbtp ?? -1) });
  const ceilingOut = el('span', { class: 'muted', text: ` ${master.ceiling_dbtp ?? -1} dBTP` });
  const normalize = el('button', { type: 'button', id: 'normalize', class: 'toggle', 'aria-pressed': String(master.normalize !== false) }, 'Normalise to target');
  const analyze = el('button', { type: 'button', id: 'analyze', class: 'primary' }, 'Measure before / after');
  const progress = el('progress', { max: '1', value: '0', hidden: true });
  const figures = el('div', { class: 'figures', id: 'loudness', 'data-stale': 'false' });
  const note = el('p', { id: 'loudness-note', class: 'notice', hidden: true });
  view.append(
    el('section', { class: 'card' }, takeTitle('Master', take.name), el('h3', { text: 'Target' }), presets,
      el('label', { for: 'ceiling' }, 'True-peak ceiling', ceilingOut), ceiling, el('div', { class: 'row' }, normalize)),
    el('section', { class: 'card' }, el('div', { class: 'row' }, analyze), progress, note, figures));

  // The "after" figures belong to the settings they were measured with; any change makes them stale.
  let version = 0;
  function markStale() {
    version += 1;
    if (figures.childElementCount === 0) return;
    figures.dataset.stale = 'true';
    note.hidden = false;
    note.textContent = 'The settings changed since this measurement: the "after" figures are for the previous settings. Measure again.';
  }
  async function save() {
    markStale();
    try { master = await api.put(`/api/takes/${encodeURIComponent(id)}/master`, master); renderPresets(); } catch (e) { toast(e.message); }
  }
  function renderPresets() {
    presets.replaceChildren(...PRESETS.map(([name, label]) => {
      const b = el('button', { type: 'button', class: 'toggle', 'data-preset': name, 'aria-pressed': String(master.preset === name) }, label);
      b.addEventListener('click', () => { master.preset = name; delete master.target_lufs; save(); });
      return b;
    }));
  }
  ceiling.addEventListener('input', () => { ceilingOut.textContent = ` ${ceiling.value} dBTP`; });
  ceiling.addEventListener('change', () => { master.ceiling_dbtp = Number(ceiling.value); save(); });
  normalize.addEventListener('click', () => { master.normalize = !(master.normalize !== false); normalize.setAttribute('aria-pressed', String(master.normalize)); save(); });
  analyze.addEventListener('click', async () => {
    progress.hidden = false;
    const measuring = version;
    try {
      const started = await api.post(`/api/takes/${encodeURIComponent(id)}/master/analysis`);
      const job = await jobs.follow(started.job, (p) => { progress.value = p; });
      const r = job.result;
      figures.replaceChildren(
        figure('Before: integrated', r.before.integratedLufs, 'LUFS', 'before-lufs'),
        figure('Before: true peak', r.before.truePeakDbtp, 'dBTP', 'before-tp'),
        figure('After: integrated', r.after.integratedLufs, 'LUFS', 'after-lufs', 'after'),
        figure('After: true peak', r.after.truePeakDbtp, 'dBTP', 'after-tp', 'after'),
        figure('Loudness range', r.after.lraLu, 'LU', 'after-lra', 'after'));
      figures.dataset.stale = 'false';
      note.hidden = true;
      if (version !== measuring) markStale();
    } catch (e) { toast(e.message); }
    progress.hidden = true;
  });
  renderPresets();
  return null;
}
