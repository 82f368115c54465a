// Export: format and tags, a render with progress, the download, and a QR code of a share link
// a phone can open without the PIN (the link expires).
import * as api from '../api.js';
import { el, toast, unavailable, currentTakeId, takeTitle } from '../ui.js';
import * as jobs from '../jobs.js';
import { t, fixed, number } from '../i18n.js';

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, t('export.chooseTake')); return null; }
  let formats;
  let take;
  try {
    take = await api.get(`/api/takes/${encodeURIComponent(id)}`);
    formats = await api.get('/api/export-formats');
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : t('export.cannotShow', { reason: e.message }));
    return null;
  }
  const format = el('select', { id: 'format' }, formats.map((f) => el('option', { value: f.name, text: f.label })));
  const field = (name, label, value = '') => {
    const input = el('input', { type: 'text', id: `tag-${name}`, value, maxlength: '200' });
    return [el('label', { for: `tag-${name}`, text: label }), input];
  };
  const tags = { title: field('title', t('export.tagTitle'), take.name), artist: field('artist', t('export.tagArtist')), album: field('album', t('export.tagAlbum')), comment: field('comment', t('export.tagComment')) };
  const go = el('button', { type: 'button', id: 'export-button', class: 'primary' }, t('export.start'));
  const cancel = el('button', { type: 'button', id: 'export-cancel', hidden: true }, t('export.cancel'));
  const progress = el('progress', { max: '1', value: '0', hidden: true, id: 'export-progress', 'aria-label': t('export.progress') });
  const result = el('section', { id: 'export-result', class: 'card', hidden: true });
  const list = el('div', { id: 'export-list' });
  view.append(
    el('section', { class: 'card export-form' }, takeTitle(t('nav.export'), take.name),
      el('label', { for: 'format', text: t('export.format') }), format, Object.values(tags).flat(),
      el('div', { class: 'row' }, go, cancel), progress),
    result,
    el('section', { class: 'card' }, el('h2', { text: t('export.list') }), list));

  async function showShare(exp) {
    const link = await api.post(`/api/takes/${encodeURIComponent(id)}/exports/${encodeURIComponent(exp.id)}/link`);
    result.replaceChildren(
      el('div', { class: 'share' },
        el('div', { class: 'qr' }, el('img', { id: 'qr', src: link.qr, alt: t('export.qrAlt', { url: link.url }) })),
        el('div', {},
          el('a', { class: 'button primary', id: 'download-export', href: exp.url, download: exp.file }, t('export.download')),
          el('p', { class: 'muted file-name', text: exp.file }),
          el('p', { class: 'muted', text: t('export.scan', { minutes: number(Math.round(link.expiresInSeconds / 60)) }) }),
          el('p', { class: 'wrap-anywhere' }, el('a', { href: link.url, id: 'share-link', text: link.url })))));
    result.hidden = false;
    // On a phone the result is below the form: bring the QR code and the link into view.
    result.scrollIntoView({ block: 'nearest' });
  }

  async function loadList() {
    const exports = await api.get(`/api/takes/${encodeURIComponent(id)}/exports`).catch(() => []);
    list.replaceChildren(...exports.map((exp) => {
      const b = el('button', { type: 'button', class: 'take file-name' }, `${exp.file} · ${t('unit.mb', { value: fixed(exp.bytes / 1e6, 1) })}`);
      b.addEventListener('click', () => showShare(exp).catch((e) => toast(e.message)));
      return b;
    }));
    if (exports.length === 0) list.append(el('p', { class: 'muted', text: t('export.none') }));
  }

  let jobId = null;
  go.addEventListener('click', async () => {
    const body = { format: format.value, tags: {} };
    for (const [k, [, input]] of Object.entries(tags)) if (input.value.trim()) body.tags[k] = input.value.trim();
    go.disabled = true;
    progress.hidden = false;
    cancel.hidden = false;
    try {
      const started = await api.post(`/api/takes/${encodeURIComponent(id)}/exports`, body);
      jobId = started.job;
      const job = await jobs.follow(jobId, (p) => { progress.value = p; });
      await showShare(job.result);
      await loadList();
    } catch (e) { toast(e.message); }
    jobId = null;
    go.disabled = false;
    progress.hidden = true;
    cancel.hidden = true;
  });
  cancel.addEventListener('click', () => { if (jobId) jobs.cancel(jobId).catch((e) => toast(e.message)); });
  await loadList();
  return null;
}
