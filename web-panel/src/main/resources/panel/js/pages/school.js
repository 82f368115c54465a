// Students' work (teachers only): every student's takes by class and day, each to listen to,
// with a feedback note the student reads with the take, and a choice to keep it past the expiry.
import * as api from '../api.js';
import { t, dateTime } from '../i18n.js';
import { el, clock, toast, unavailable } from '../ui.js';

function takeRow(take) {
  const feedback = el('textarea', { id: `feedback-${take.id}`, maxlength: '4000', rows: '2' });
  feedback.value = take.feedback || '';
  const keep = el('input', { type: 'checkbox', id: `keep-${take.id}`, checked: take.keep });
  const saved = el('span', { class: 'muted', role: 'status' });
  return el('li', { class: 'card work', 'data-take': take.id },
    el('h4', {}, `${take.student} · ${take.name}`),
    el('p', { class: 'muted', text: `${dateTime(take.startedAt, { timeStyle: 'short' })} · ${clock(take.durationSeconds)}` }),
    el('audio', { controls: true, preload: 'none', src: `/api/takes/${encodeURIComponent(take.id)}/tracks/1/audio`,
      'aria-label': t('school.listenTo', { name: take.name, student: take.student }) }),
    el('label', { for: feedback.id, text: t('school.feedback') }), feedback,
    el('div', { class: 'row' },
      el('button', { type: 'button', onclick: async () => {
        try {
          await api.put(`/api/takes/${encodeURIComponent(take.id)}/feedback`, { feedback: feedback.value });
          saved.textContent = t('school.saved');
        } catch (e) { toast(e.message); }
      } }, t('school.saveFeedback')),
      el('label', { class: 'check' }, keep, ' ', t('school.keep')),
      saved));
}

// A class's work as one ZIP: start it, show its progress, then the download link.
function exportControls(klass) {
  const progress = el('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('school.exportProgress', { class: klass }) });
  const status = el('span', { class: 'muted', role: 'status' });
  const link = el('a', { class: 'button', hidden: true, download: '' }, t('school.download'));
  const button = el('button', { type: 'button', class: 'export-class', onclick: async () => {
    button.disabled = true;
    link.hidden = true;
    try {
      const { job } = await api.post(`/api/school/classes/${encodeURIComponent(klass)}/export`);
      progress.hidden = false;
      for (;;) {
        const j = await api.get(`/api/school/exports/${job}`);
        progress.value = j.progress;
        status.textContent = t('school.exportState', { percent: Math.round(j.progress * 100), takes: j.takes });
        if (j.state === 'done') { link.href = j.url; link.hidden = false; break; }
        if (j.state === 'failed') { status.textContent = j.error; break; }
        await new Promise((r) => setTimeout(r, 500));
      }
    } catch (e) { toast(e.message); }
    button.disabled = false;
  } }, t('school.exportClass'));
  return el('div', { class: 'row' }, button, progress, status, link);
}

export async function show(view) {
  let work;
  try { work = await api.get('/api/school/work'); } catch (e) { unavailable(view, t('school.unavailable', { error: e.message })); return null; }
  // A card even with no work yet: the page shows its title and says so.
  const root = el('section', { id: 'school-work', class: 'card' }, el('h1', { text: t('school.title') }));
  if (work.length === 0) root.append(el('p', { class: 'muted', text: t('school.none') }));
  const byClass = new Map();
  for (const take of work) {
    const c = take.class || t('school.noClass');
    if (!byClass.has(c)) byClass.set(c, new Map());
    const days = byClass.get(c);
    if (!days.has(take.day)) days.set(take.day, []);
    days.get(take.day).push(take);
  }
  for (const [klass, days] of byClass) {
    const section = el('section', { class: 'class-work', 'data-class': klass }, el('h2', { text: t('school.classHeading', { class: klass }) }),
      exportControls(klass));
    for (const [day, takes] of days) {
      section.append(el('h3', { text: dateTime(`${day}T12:00:00`, { dateStyle: 'full' }) }), el('ul', { class: 'plain' }, takes.map(takeRow)));
    }
    root.append(section);
  }
  root.addEventListener('change', async (e) => {
    const box = e.target.closest('input[type=checkbox][id^="keep-"]');
    if (!box) return;
    try {
      await api.put(`/api/takes/${encodeURIComponent(box.id.slice(5))}/keep`, { keep: box.checked });
    } catch (err) { toast(err.message); box.checked = !box.checked; }
  });
  view.append(root);
  return null;
}
