// Practice: a class's backing tracks (teachers upload them, and a reference recording of the
// piece); a student opens one, plays along on headphones while a pass records over it, then hears
// the take and the reference one after the other at one loudness (the figure said on the page),
// with the tuner and the metronome one tap away.
import * as api from '../api.js';
import * as live from '../live.js';
import { t, fixed } from '../i18n.js';
import { el, toast, unavailable, clock } from '../ui.js';

/** The type the server takes for a file the browser could not name. */
const TYPES = { wav: 'audio/wav', flac: 'audio/flac', mp3: 'audio/mpeg' };

function asAudio(file) {
  if (file.type) return file;
  const ext = file.name.split('.').pop().toLowerCase();
  return new Blob([file], { type: TYPES[ext] || 'application/octet-stream' });
}

/** A level with its sign, the minus a true minus sign: +1.5, −12.0, ±0.0. */
function signed(db) {
  return (db > 0 ? '+' : db < 0 ? '−' : '±') + fixed(Math.abs(db), 1);
}

/** A loudness: −23.0 (a true minus sign, as the levels beside it have). */
function lufs(value) {
  return (value < 0 ? '−' : '') + fixed(Math.abs(value), 1);
}

export async function show(view) {
  let me;
  let materials;
  let practices;
  try {
    [me, materials, practices] = await Promise.all([api.get('/api/me'), api.get('/api/materials'), api.get('/api/practices')]);
  } catch (e) {
    unavailable(view, t('practice.unavailable', { error: e.message }));
    return null;
  }
  const teacher = me.role === 'teacher';
  let open = null;
  let state = 'idle';

  const list = el('ul', { class: 'plain', id: 'practice-materials' });
  const detail = el('section', { class: 'card', id: 'practice-detail', hidden: true });
  view.append(el('section', { class: 'card' },
    el('h1', { text: t('practice.title') }),
    el('p', { class: 'muted', text: teacher ? t('practice.teacherIntro') : t('practice.studentIntro') }),
    list));
  if (teacher) view.append(uploadCard());
  view.append(detail);

  function renderList() {
    list.replaceChildren();
    if (!materials.length) list.append(el('li', { class: 'muted', text: t('practice.none') }));
    for (const m of materials) {
      const mine = practices.find((p) => p.material === m.id && (teacher ? p.student === '' : true));
      list.append(el('li', { class: 'row' },
        el('span', { class: 'grow' }, el('strong', { text: m.title }), ' ',
          el('span', { class: 'muted', text: t('practice.materialLine', { class: m.class, length: clock(m.seconds) }) }),
          m.reference ? '' : el('span', { class: 'muted', text: ' · ' + t('practice.noReference') })),
        teacher ? referenceButton(m) : null,
        el('button', { type: 'button', class: 'primary', 'data-material': m.id, 'aria-label': t('practice.openFor', { title: m.title }),
          onclick: () => openPractice(m, mine) }, t('practice.open'))));
    }
  }

  function referenceButton(m) {
    const input = el('input', { type: 'file', accept: '.wav,.flac,.mp3,audio/*', hidden: true,
      onchange: async () => {
        if (!input.files[0]) return;
        try {
          await api.upload('PUT', `/api/materials/${m.id}/reference`, asAudio(input.files[0]));
          materials = await api.get('/api/materials');
          renderList();
          toast(t('practice.uploaded'));
        } catch (e) {
          toast(e.message);
        }
      } });
    return el('span', {}, input, el('button', { type: 'button', 'aria-label': t('practice.referenceFor', { title: m.title }),
      onclick: () => input.click() }, t('practice.reference')));
  }

  function uploadCard() {
    const klass = el('input', { id: 'practice-class', type: 'text', maxlength: '40', autocomplete: 'off' });
    const title = el('input', { id: 'practice-title-field', type: 'text', maxlength: '80', autocomplete: 'off' });
    const file = el('input', { id: 'practice-file', type: 'file', accept: '.wav,.flac,.mp3,audio/*' });
    const send = el('button', { type: 'button', class: 'primary', id: 'practice-upload', onclick: async () => {
      if (!file.files[0]) { toast(t('practice.chooseFile')); return; }
      send.disabled = true;
      try {
        const q = `class=${encodeURIComponent(klass.value)}&title=${encodeURIComponent(title.value)}`;
        await api.upload('POST', `/api/materials?${q}`, asAudio(file.files[0]));
        materials = await api.get('/api/materials');
        renderList();
        toast(t('practice.uploaded'));
      } catch (e) {
        toast(e.message);
      } finally {
        send.disabled = false;
      }
    } }, t('practice.upload'));
    return el('section', { class: 'card practice-upload' },
      el('h2', { text: t('practice.uploadTitle') }),
      el('div', {}, el('label', { for: 'practice-class', text: t('practice.class') }), klass),
      el('div', {}, el('label', { for: 'practice-title-field', text: t('practice.pieceTitle') }), title),
      el('div', {}, el('label', { for: 'practice-file', text: t('practice.file') }), file),
      send);
  }

  async function openPractice(material, existing) {
    try {
      open = existing || await api.post(`/api/materials/${material.id}/practices`);
      practices = await api.get('/api/practices');
      renderDetail();
    } catch (e) {
      toast(e.message);
    }
  }

  async function refresh() {
    if (!open) return;
    try {
      open = await api.get(`/api/practices/${open.id}`);
      practices = await api.get('/api/practices');
      renderDetail();
    } catch (e) {
      toast(e.message);
    }
  }

  async function play(what) {
    try {
      await api.post(`/api/practices/${open.id}/play`, { what });
    } catch (e) {
      toast(e.message);
    }
  }

  async function renderDetail() {
    detail.hidden = false;
    const recording = state === 'overdubbing' || state === 'stopping';
    const figure = el('p', { id: 'practice-loudness', 'aria-live': 'polite' });
    detail.replaceChildren(
      el('h2', { text: t('practice.detailTitle', { title: open.title }) }),
      el('p', { class: 'muted', text: t('practice.headphones') }),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: recording ? 'danger' : 'primary', id: 'practice-record', 'aria-pressed': String(recording),
          onclick: async () => {
            try {
              if (recording) await api.post(`/api/practices/${open.id}/passes/stop`);
              else await api.post(`/api/practices/${open.id}/passes`, { input: 1 });
            } catch (e) {
              toast(e.message);
            }
          } }, recording ? t('practice.stopPass') : t('practice.recordPass')),
        el('button', { type: 'button', id: 'practice-together', disabled: recording, onclick: () => play('together') }, t('practice.together'))),
      el('p', { class: 'muted', id: 'practice-passes', text: t('practice.passes', { n: open.passes }) }),
      el('div', { class: 'row' },
        el('button', { type: 'button', id: 'practice-take', disabled: recording || !open.take, onclick: () => play('take') }, t('practice.hearTake')),
        el('button', { type: 'button', id: 'practice-reference', disabled: recording || !open.take || !open.reference,
          onclick: () => play('reference') }, t('practice.hearReference')),
        el('button', { type: 'button', id: 'practice-stop', onclick: () => api.post('/api/playback/stop').catch((e) => toast(e.message)) },
          t('practice.stopPlayback'))),
      figure,
      el('div', { class: 'row' },
        el('a', { class: 'button', href: '#tuner', id: 'practice-tuner' }, t('practice.tuner')),
        el('a', { class: 'button', href: '#tuner/metronome', id: 'practice-metronome' }, t('practice.metronome'))));
    if (!open.take) figure.textContent = t('practice.noTakeYet');
    else if (!open.reference) figure.textContent = t('practice.noReferenceYet');
    else {
      try {
        const l = await api.get(`/api/practices/${open.id}/loudness`);
        figure.textContent = t('practice.equalLoudness', { target: lufs(l.targetLufs), take: signed(l.take.gainDb),
          reference: signed(l.reference.gainDb) });
      } catch (e) {
        figure.textContent = e.message;
      }
    }
  }

  const off = live.on('state', (msg) => {
    const was = state;
    state = msg.state;
    if (was !== state && open) {
      // A pass has ended: its take is in the practice now.
      if (state === 'idle') refresh();
      else renderDetail();
    }
  });
  renderList();
  return () => off();
}
