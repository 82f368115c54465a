// Students (teachers only): add a student with a name and a class (the answer is their six-digit
// login code), renew a code, remove a student, and make the sheet of QR codes to print, one per
// student, each opening the panel logged in as that student.
import * as api from '../api.js';
import { t, number } from '../i18n.js';
import { el, toast } from '../ui.js';

function minutes(seconds) {
  return number(seconds / 60, { maximumFractionDigits: 1 });
}

function sheetCard(s) {
  return el('figure', { class: 'qr-card', 'data-student': s.id },
    el('img', { class: 'qr', src: s.qr, alt: t('students.qrAlt', { name: s.name }), width: '180', height: '180' }),
    el('figcaption', {},
      el('strong', { text: s.name }), el('br'),
      t('students.classLine', { class: s.class }), el('br'),
      t('students.codeLine', { code: s.code })));
}

export async function show(view) {
  const list = el('table', { id: 'students-table', class: 'list' });
  const sheet = el('section', { id: 'qr-sheet', class: 'qr-sheet', 'aria-label': t('students.sheet') });
  const error = el('p', { id: 'students-error', class: 'field-error', role: 'alert' });
  const name = el('input', { id: 'student-name', maxlength: '60', required: true });
  const klass = el('input', { id: 'student-class', maxlength: '40', required: true });
  const sheetClass = el('input', { id: 'sheet-class', maxlength: '40' });

  async function refresh() {
    const students = await api.get('/api/students');
    list.replaceChildren(
      el('caption', { text: t('students.listCaption', { count: students.length }) }),
      el('tr', {}, el('th', { scope: 'col', text: t('students.name') }), el('th', { scope: 'col', text: t('students.class') }),
        el('th', { scope: 'col', text: t('students.code') }), el('th', { scope: 'col', text: t('students.used') }),
        el('th', { scope: 'col', text: t('students.actions') })),
      ...students.map((s) => el('tr', { 'data-student': s.id },
        el('td', { text: s.name }), el('td', { text: s.class }), el('td', { class: 'code', text: s.code }),
        el('td', { text: t('students.minutes', { minutes: minutes(s.usedSeconds) }) }),
        el('td', {},
          el('button', { type: 'button', 'aria-label': t('students.renewFor', { name: s.name }), onclick: async () => {
            await api.post(`/api/students/${s.id}/code`);
            await refresh();
          } }, t('students.renew')),
          el('button', { type: 'button', class: 'danger', 'aria-label': t('students.removeFor', { name: s.name }), onclick: async () => {
            if (!window.confirm(t('students.removeConfirm', { name: s.name }))) return;
            await api.del(`/api/students/${s.id}`);
            await refresh();
          } }, t('students.remove'))))));
  }

  const form = el('form', { id: 'student-form', class: 'card' },
    el('h2', { text: t('students.add') }),
    el('label', { for: 'student-name', text: t('students.name') }), name,
    el('label', { for: 'student-class', text: t('students.class') }), klass,
    el('button', { type: 'submit', class: 'primary', id: 'student-add' }, t('students.addButton')), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const added = await api.post('/api/students', { name: name.value, class: klass.value });
      toast(t('students.added', { name: name.value, code: added.code }));
      name.value = '';
      await refresh();
    } catch (err) { error.textContent = err.message; }
  });

  const makeSheet = el('button', { type: 'button', id: 'make-sheet' }, t('students.makeSheet'));
  const note = el('p', { class: 'muted no-print', hidden: true, text: t('students.sheetNote') });
  const print = el('button', { type: 'button', id: 'print-sheet', hidden: true, onclick: () => window.print() }, t('students.print'));
  makeSheet.addEventListener('click', async () => {
    const cards = await api.post('/api/students/sheet', sheetClass.value.trim() ? { class: sheetClass.value.trim() } : {});
    sheet.replaceChildren(...cards.map(sheetCard));
    note.hidden = cards.length === 0;
    print.hidden = cards.length === 0;
  });

  view.append(el('h1', { text: t('students.title') }),
    el('p', { class: 'no-print' }, el('a', { class: 'button', href: '#school', id: 'to-work' }, t('students.toWork'))),
    form,
    el('section', { class: 'card' }, list),
    el('section', { class: 'card no-print' },
      el('h2', { text: t('students.sheet') }),
      el('label', { for: 'sheet-class', text: t('students.sheetClass') }), sheetClass,
      el('div', { class: 'row' }, makeSheet, print), note),
    sheet);
  try { await refresh(); } catch (err) { error.textContent = err.message; }
  return null;
}
