// Render jobs (preview, master analysis, export): started by a POST that answers {"job": id},
// followed through WebSocket progress messages with a polling fallback, cancellable.
import * as api from './api.js';
import * as live from './live.js';
import { t } from './i18n.js';

/** Resolves with the finished job document, rejects with its error; onProgress(fraction 0..1). */
export function follow(jobId, onProgress) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (job) => {
      if (done) return;
      if (job.state === 'done') { done = true; cleanup(); resolve(job); }
      else if (job.state === 'failed' || job.state === 'cancelled') { done = true; cleanup(); reject(new Error(job.error || t(job.state === 'failed' ? 'jobs.failed' : 'jobs.cancelled'))); }
      else if (onProgress) onProgress(job.progress || 0);
    };
    const off = live.on('progress', (msg) => { if (msg.job === jobId) finish(msg); });
    const poll = setInterval(() => api.get(`/api/jobs/${jobId}`).then(finish).catch((e) => { done = true; cleanup(); reject(e); }), 1000);
    function cleanup() { off(); clearInterval(poll); }
  });
}

export const cancel = (jobId) => api.del(`/api/jobs/${jobId}`);
