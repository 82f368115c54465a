// Export: format and tags, a render with progress, the download, and a QR code of a share link
// a phone can open without the PIN (the link expires).
import * as api from '../api.js';
import { el, toast, unavailable, currentTakeId, takeTitle } from '../ui.js';
import * as jobs from '../jobs.js';

export async function show(view) {
  const id = currentTakeId();
  if (!id) { unavailable(view, 'Choose a take on the Takes page first; Export works on the take chosen there.'); return null; }
  let formats;
  let take;
  try {
    take = await api.get(`/api/takes/${encodeURIComponent(id)}`);
    formats = await api.get('/api/export-formats');
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : `Export cannot be shown: ${e.message}`);
    return null;
  }
  const format = el('select', { id: 'format' }, formats.map((f) => el('option', { value: f.name, text: f.label })));
  const field = (name, label, value = '') => {
    const input = el('input', { type: 'text', id: `tag-${name}`, value, maxlength: '200' });
    return [el('label', { for: `tag-${name}`, text: label }), input];
  };
  const tags = { title: field('title', 'Title', take.name), artist: field('artist', 'Artist'), album: field('album', 'Album'), comment: field('comment', 'Comment') };
  const go = el('button', { type: 'button', id: 'export-button', class: 'primary' }, 'Export');
  const cancel = el('button', { type: 'button', id: 'export-cancel', hidden: true }, 'Cancel');
  const progress = el('progress', { max: '1', value: '0', hidden: true, id: 'export-progress' });
  const result = el('section', { id: 'export-result', class: 'card', hidden: true });
  const list = el('div', { id: 'export-list' });
  view.append(
    el('section', { class: 'card export-form' }, takeTitle('Export', take.name),
      el('label', { for: 'format', text: 'Format' }), format, Object.values(tags).flat(),
      el('div', { class: 'row' }, go, cancel), progress),
    result,
    el('section', { class: 'card' }, el('h2', { text: 'Exports of this take' }), list));

  async function showShare(exp) {
    const link = await api.post(`/api/takes/${encodeURIComponent(id)}/exports/${encodeURIComponent(exp.id)}/link`);
    result.replaceChildren(
      el('div', { class: 'share' },
        el('div', { class: 'qr' }, el('img', { id: 'qr', src: link.qr, alt: `QR code for ${link.url}` })),
        el('div', {},
          el('a', { class: 'button primary', id: 'download-export', href: exp.url, download: exp.file }, 'Download'),
          el('p', { class: 'muted file-name', text: exp.file }),
          el('p', { class: 'muted', text: `Scan to download on a phone (link valid for ${Math.round(link.expiresInSeconds / 60)} min):` }),
          el('p', { class: 'wrap-anywhere' }, el('a', { href: link.url, id: 'share-link', text: link.url })))));
    result.hidden = false;
    // On a phone the result is below the form: bring the QR code and the link into view.
    result.scrollIntoView({ block: 'nearest' });
  }

  async function loadList() {
    const exports = await api.get(`/api/takes/${encodeURIComponent(id)}/exports`).catch(() => []);
    list.replaceChildren(...exports.map((exp) => {
      const b = el('button', { type: 'button', class: 'take file-name' }, `${exp.file} · ${(exp.bytes / 1e6).toFixed(1)} MB`);
      b.addEventListener('click', () => showShare(exp).catch((e) => toast(e.message)));
      return b;
    }));
    if (exports.length === 0) list.append(el('p', { class: 'muted', text: 'None yet.' }));
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
