// Master: loudness target presets, ceiling, and the take's loudness and true peak before and
// after mastering, measured by a render (never estimated).
import * as api from '../api.js';
import { el, toast, unavailable, currentTakeId, takeTitle } from '../ui.js';
import * as jobs from '../jobs.js';
import { t, fixed } from '../i18n.js';

const PRESETS = [
  ['streaming', 'master.preset.streaming'],
  ['apple', 'master.preset.apple'],
  ['rehearsal', 'master.preset.rehearsal'],
  ['broadcast', 'master.preset.broadcast'],
];

/** A measured figure; unitKey names the message that puts the unit beside the number ('unit.lufs'). */
function figure(label, value, unitKey, id, cls) {
  return el('div', { class: cls }, el('span', { class: 'muted', text: label }), el('b', { id, text: Number.isFinite(value) ? t(unitKey, { value: fixed(value, 1) }) : '–' }));
}

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, t('master.chooseTake')); return null; }
  let master;
  let take;
  try {
    take = await api.get(`/api/takes/${encodeURIComponent(id)}`);
    master = await api.get(`/api/takes/${encodeURIComponent(id)}/master`);
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : t('master.cannotShow', { reason: e.message }));
    return null;
  }
  const presets = el('div', { class: 'presets' });
  const ceiling = el('input', { type: 'range', id: 'ceiling', min: '-6', max: '0', step: '0.1', value: String(master.ceiling_dbtp ?? -1) });
  const ceilingOut = el('span', { class: 'muted', text: ` ${t('unit.dbtp', { value: fixed(master.ceiling_dbtp ?? -1, 1) })}` });
  const normalize = el('button', { type: 'button', id: 'normalize', class: 'toggle', 'aria-pressed': String(master.normalize !== false) }, t('master.normalise'));
  const analyze = el('button', { type: 'button', id: 'analyze', class: 'primary' }, t('master.measure'));
  const progress = el('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('master.progress') });
  const figures = el('div', { class: 'figures', id: 'loudness', 'data-stale': 'false' });
  const note = el('p', { id: 'loudness-note', class: 'notice', hidden: true });
  view.append(
    el('section', { class: 'card' }, takeTitle(t('nav.master'), take.name), el('h3', { text: t('master.target') }), presets,
      el('label', { for: 'ceiling' }, t('master.ceiling'), ceilingOut), ceiling, el('div', { class: 'row' }, normalize)),
    el('section', { class: 'card' }, el('div', { class: 'row' }, analyze), progress, note, figures));

  // The "after" figures belong to the settings they were measured with; any change makes them stale.
  let version = 0;
  function markStale() {
    version += 1;
    if (figures.childElementCount === 0) return;
    figures.dataset.stale = 'true';
    note.hidden = false;
    note.textContent = t('master.stale');
  }
  async function save() {
    markStale();
    try { master = await api.put(`/api/takes/${encodeURIComponent(id)}/master`, master); renderPresets(); } catch (e) { toast(e.message); }
  }
  function renderPresets() {
    presets.replaceChildren(...PRESETS.map(([name, label]) => {
      const b = el('button', { type: 'button', class: 'toggle', 'data-preset': name, 'aria-pressed': String(master.preset === name) }, t(label));
      b.addEventListener('click', () => { master.preset = name; delete master.target_lufs; save(); });
      return b;
    }));
  }
  ceiling.addEventListener('input', () => { ceilingOut.textContent = ` ${t('unit.dbtp', { value: fixed(Number(ceiling.value), 1) })}`; });
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
        figure(t('master.beforeIntegrated'), r.before.integratedLufs, 'unit.lufs', 'before-lufs'),
        figure(t('master.beforeTruePeak'), r.before.truePeakDbtp, 'unit.dbtp', 'before-tp'),
        figure(t('master.afterIntegrated'), r.after.integratedLufs, 'unit.lufs', 'after-lufs', 'after'),
        figure(t('master.afterTruePeak'), r.after.truePeakDbtp, 'unit.dbtp', 'after-tp', 'after'),
        figure(t('master.range'), r.after.lraLu, 'unit.lu', 'after-lra', 'after'));
      figures.dataset.stale = 'false';
      note.hidden = true;
      if (version !== measuring) markStale();
    } catch (e) { toast(e.message); }
    progress.hidden = true;
  });
  renderPresets();
  return null;
}
