// Release: a take made into the files a distributor or a shop takes (WAV 16/44.1 with a CUE
// sheet, hi-res WAV, FLAC, MP3 320, Opus), each tagged, brought to a loudness target, listed and
// zipped. The build runs as a job with progress, like an export; finished releases are listed
// with their ZIP.
import * as api from '../api.js';
import * as jobs from '../jobs.js';
import { t } from '../i18n.js';
import { el, toast, unavailable, currentTakeId, takeTitle } from '../ui.js';
import { megabytes } from './publish.js';

// Each key written out whole, so the message files' test sees it read; a name the server adds
// later shows as itself until it has words.
const FIELD_WORDS = { album: 'release.field.album', album_artist: 'release.field.album_artist', title: 'release.field.title',
  artist: 'release.field.artist', year: 'release.field.year', genre: 'release.field.genre', isrc: 'release.field.isrc', upc: 'release.field.upc' };
const OUTPUT_WORDS = { 'distributor-wav': 'release.output.distributorWav', 'hires-wav': 'release.output.hiresWav',
  flac: 'release.output.flac', mp3: 'release.output.mp3', opus: 'release.output.opus' };
const PRESET_WORDS = { streaming: 'release.preset.streaming', apple: 'release.preset.apple', broadcast: 'release.preset.broadcast',
  rehearsal: 'release.preset.rehearsal' };
const MODE_WORDS = { track: 'release.mode.track', album: 'release.mode.album' };

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, t('release.noTake')); return null; }
  let take;
  let options;
  try {
    take = await api.get(`/api/takes/${encodeURIComponent(id)}`);
    options = await api.get('/api/release-options');
  } catch (e) {
    unavailable(view, t('release.unavailable', { error: e.message }));
    return null;
  }
  const field = (key, value = '', attrs = {}) => {
    const input = el('input', { type: 'text', id: `release-${key}`, value, maxlength: '200', ...attrs });
    return [el('label', { for: `release-${key}`, text: t(FIELD_WORDS[key]) }), input];
  };
  const fields = {
    album: field('album', take.name),
    album_artist: field('album_artist'),
    title: field('title', take.name),
    artist: field('artist'),
    year: field('year', String(new Date().getFullYear()), { inputmode: 'numeric', maxlength: '4' }),
    genre: field('genre'),
    isrc: field('isrc', '', { placeholder: 'GB-XYZ-26-00001' }),
    upc: field('upc', '', { inputmode: 'numeric' }),
  };
  // Toggles, each saying in words whether it is chosen (not by colour alone).
  const outputs = options.outputs.map((o) => {
    const b = el('button', { type: 'button', class: 'toggle output', 'data-output': o.name, 'aria-pressed': 'false' }, OUTPUT_WORDS[o.name] ? t(OUTPUT_WORDS[o.name]) : o.name);
    b.addEventListener('click', () => b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true'));
    return b;
  });
  outputs[0].setAttribute('aria-pressed', 'true');
  const preset = el('select', { id: 'release-preset' }, options.presets.map((p) => el('option', { value: p.name,
    text: p.targetLufs === null ? t('release.preset.custom') : t('release.preset.named', { name: PRESET_WORDS[p.name] ? t(PRESET_WORDS[p.name]) : p.name, lufs: p.targetLufs }) })));
  const target = el('input', { type: 'number', id: 'release-target', min: '-40', max: '-5', step: '0.5', value: '-14', hidden: true });
  const targetLabel = el('label', { for: 'release-target', text: t('release.target'), hidden: true });
  preset.addEventListener('change', () => { target.hidden = preset.value !== 'custom'; targetLabel.hidden = target.hidden; });
  const mode = el('select', { id: 'release-mode' }, options.modes.map((m) => el('option', { value: m, text: MODE_WORDS[m] ? t(MODE_WORDS[m]) : m })));
  const go = el('button', { type: 'button', id: 'release-button', class: 'primary' }, t('release.start'));
  const cancel = el('button', { type: 'button', id: 'release-cancel', hidden: true }, t('release.cancel'));
  const progress = el('progress', { max: '1', value: '0', hidden: true, id: 'release-progress' });
  const stage = el('p', { id: 'release-stage', class: 'muted', 'aria-live': 'polite' });
  const list = el('div', { id: 'release-list' });
  view.append(
    el('section', { class: 'card release-form' }, takeTitle(t('release.title'), take.name),
      Object.values(fields).flat(),
      el('p', { class: 'label', id: 'release-outputs-label', text: t('release.outputs') }),
      el('div', { class: 'row', role: 'group', 'aria-labelledby': 'release-outputs-label' }, outputs),
      el('label', { for: 'release-preset', text: t('release.loudness') }), preset, targetLabel, target,
      el('label', { for: 'release-mode', text: t('release.modeLabel') }), mode,
      el('div', { class: 'row' }, go, cancel), progress, stage),
    el('section', { class: 'card' }, el('h2', { text: t('release.list') }), list));

  async function loadList() {
    const releases = await api.get(`/api/takes/${encodeURIComponent(id)}/releases`).catch(() => []);
    list.replaceChildren(...releases.map((r) => el('div', { class: 'release', 'data-release': r.name },
      el('p', { class: 'file-name wrap-anywhere' }, el('strong', { text: r.name })),
      r.url ? el('a', { class: 'button primary', href: r.url, download: r.zip }, t('release.download', { file: r.zip, size: megabytes(r.bytes) })) : null,
      el('ul', { class: 'muted release-files' }, r.files.map((f) => el('li', { class: 'wrap-anywhere', text: f.path }))))));
    if (releases.length === 0) list.append(el('p', { class: 'muted', text: t('release.none') }));
  }

  let jobId = null;
  go.addEventListener('click', async () => {
    const body = { outputs: outputs.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.output),
      loudness: { preset: preset.value, mode: mode.value } };
    if (preset.value === 'custom') body.loudness.target_lufs = Number(target.value);
    for (const [k, [, input]] of Object.entries(fields)) if (input.value.trim()) body[k] = input.value.trim();
    go.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    cancel.hidden = false;
    stage.textContent = t('release.queued');
    try {
      const started = await api.post(`/api/takes/${encodeURIComponent(id)}/releases`, body);
      jobId = started.job;
      await jobs.follow(jobId, (p) => { progress.value = p; stage.textContent = t('release.progress', { percent: Math.round(p * 100) }); });
      stage.textContent = t('release.done');
      await loadList();
    } catch (e) {
      stage.textContent = '';
      toast(e.message);
    }
    jobId = null;
    go.disabled = false;
    progress.hidden = true;
    cancel.hidden = true;
  });
  cancel.addEventListener('click', () => { if (jobId) jobs.cancel(jobId).catch((e) => toast(e.message)); });
  await loadList();
  return null;
}
