// Publish: the service's upload queue. What is queued, what is uploading (with its rate), what
// failed and why; Retry skips a job's backoff, Cancel takes it out of the queue (the file on the
// appliance stays). Figures arrive as 'uploads' messages over the live socket.
import * as api from '../api.js';
import * as live from '../live.js';
import { t, number } from '../i18n.js';
import { el, toast, unavailable } from '../ui.js';

// Each key written out whole, so the message files' test sees it read.
const JOB_STATE_WORDS = { waiting: 'publish.state.waiting', uploading: 'publish.state.uploading', failing: 'publish.state.failing' };

/** "3.4 MB", in the chosen language's digits. */
export function megabytes(bytes) {
  return t('publish.megabytes', { mb: number(bytes / 1e6, { maximumFractionDigits: 1 }) });
}

export async function show(view) {
  let doc;
  try {
    doc = await api.get('/api/publish');
  } catch (e) {
    unavailable(view, t('publish.unavailable', { error: e.message }));
    return null;
  }
  if (!doc.enabled) {
    unavailable(view, t('publish.off'));
    return null;
  }
  const summary = el('div', { id: 'publish-summary' });
  const progress = el('progress', { id: 'publish-progress', max: '1', value: '0', hidden: true });
  const list = el('div', { id: 'publish-jobs' });
  view.append(
    el('section', { class: 'card' }, el('h2', { text: t('publish.title') }), summary, progress),
    el('section', { class: 'card' }, el('h2', { text: t('publish.queue') }), list));

  function drawFigures(u) {
    const lines = [
      el('p', { id: 'publish-destination', text: t('publish.destination', { destination: u.destination }) }),
      el('p', { id: 'publish-counts', text: t('publish.counts', { queued: u.queued, size: megabytes(u.queuedBytes), done: u.done, failed: u.failed }) }),
    ];
    if (!u.windowOpen) lines.push(el('p', { class: 'notice', text: t('publish.windowClosed') }));
    if (u.inFlight) {
      lines.push(el('p', { id: 'publish-in-flight', text: t('publish.uploading', {
        file: u.inFlight.file, sent: megabytes(u.inFlight.bytes), size: megabytes(u.inFlight.totalBytes),
        rate: number(u.bytesPerSecond / 1e3, { maximumFractionDigits: 0 }) }) }));
      progress.hidden = false;
      progress.value = u.inFlight.totalBytes > 0 ? u.inFlight.bytes / u.inFlight.totalBytes : 0;
    } else {
      progress.hidden = true;
    }
    if (u.lastError) lines.push(el('p', { id: 'publish-last-error', class: 'error', text: t('publish.lastError', { error: u.lastError }) }));
    summary.replaceChildren(...lines);
  }

  function drawJobs(jobs) {
    if (jobs.length === 0) {
      list.replaceChildren(el('p', { class: 'muted', id: 'publish-empty', text: t('publish.empty') }));
      return;
    }
    list.replaceChildren(...jobs.map((job) => {
      const retry = el('button', { type: 'button', class: 'retry', 'aria-label': t('publish.retryLabel', { file: job.file }) }, t('publish.retry'));
      const cancel = el('button', { type: 'button', class: 'cancel danger', 'aria-label': t('publish.cancelLabel', { file: job.file }) }, t('publish.cancel'));
      retry.disabled = job.state === 'uploading';
      retry.addEventListener('click', () => act(api.post(`/api/publish/jobs/${job.id}/retry`), t('publish.retried', { file: job.file })));
      cancel.addEventListener('click', () => act(api.del(`/api/publish/jobs/${job.id}`), t('publish.cancelled', { file: job.file })));
      return el('div', { class: 'upload-job card', 'data-job': job.id, 'data-state': job.state },
        el('p', { class: 'file-name wrap-anywhere' }, el('strong', { text: job.file }), ` · ${job.take}`),
        el('p', { class: 'job-state', text: t(JOB_STATE_WORDS[job.state] || 'publish.state.waiting', { attempts: job.attempts, seconds: Math.ceil(job.nextAttemptSeconds) }) }),
        job.lastError ? el('p', { class: 'error job-error', text: job.lastError }) : null,
        el('p', { class: 'muted wrap-anywhere', text: t('publish.to', { path: job.remotePath, size: megabytes(job.bytes) }) }),
        el('div', { class: 'row' }, retry, cancel));
    }));
  }

  async function act(request, done) {
    try {
      await request;
      toast(done);
    } catch (e) {
      toast(e.message);
    }
    await reload();
  }

  async function reload() {
    try {
      const fresh = await api.get('/api/publish');
      drawFigures(fresh.uploads);
      drawJobs(fresh.jobs);
    } catch (e) {
      toast(e.message);
    }
  }

  drawFigures(doc.uploads);
  drawJobs(doc.jobs);
  // The list changes when a count does; the figures themselves are in the message.
  let counts = '';
  const off = live.on('uploads', (u) => {
    drawFigures(u);
    const now = `${u.queued}/${u.failing}/${u.done}/${u.failed}/${u.inFlight ? u.inFlight.file : ''}`;
    if (now !== counts) { counts = now; reload(); }
  });
  return off;
}
