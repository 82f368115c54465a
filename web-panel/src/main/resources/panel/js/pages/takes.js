// Takes: the library grouped by day; a take's waveform overview, playback with seeking (the
// track is served with HTTP Range), notes, rename, delete with undo, download.
import * as api from '../api.js';
import * as live from '../live.js';
import { el, clock, toast, setCurrentTakeId, currentTakeId, takeTitle } from '../ui.js';
import { t, plural, dateTime, number } from '../i18n.js';
import { drawWaveform } from '../waveform.js';

function dayTitle(day) {
  const d = new Date(`${day}T12:00:00`);
  return Number.isNaN(d.getTime()) ? day : dateTime(d, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

export async function show(view) {
  const list = el('div', { id: 'take-list' });
  const detail = el('section', { id: 'take-detail', class: 'card', hidden: true });
  view.append(detail, el('section', { class: 'take-list-column' }, list));
  let selected = null;
  let waveform = null;
  let redraw = () => {};

  async function load() {
    let takes;
    try { takes = await api.get('/api/takes'); } catch (e) { toast(e.message); return; }
    list.replaceChildren();
    if (takes.length === 0) list.append(el('p', { class: 'muted', text: t('takes.none') }));
    let day = null;
    let group = null;
    for (const take of takes) {
      if (take.day !== day) {
        day = take.day;
        group = el('div', { class: 'day' }, el('h2', { text: dayTitle(day) }));
        list.append(group);
      }
      const item = el('button', { class: 'take', type: 'button', 'data-take': take.id, 'aria-current': String(selected && selected.id === take.id) },
        el('span', { class: 'grow' }, el('span', { class: 'name', text: take.name }), el('br'),
          el('span', { class: 'muted', text: `${take.startedAt ? dateTime(take.startedAt, { timeStyle: 'medium' }) : ''} · ${clock(take.durationSeconds)} · ${plural('takes.tracks', take.tracks.length)}` })));
      item.addEventListener('click', () => open(take.id));
      group.append(item);
    }
  }

  async function open(id) {
    let take;
    try { take = await api.get(`/api/takes/${encodeURIComponent(id)}`); } catch (e) { toast(e.message); return; }
    selected = take;
    setCurrentTakeId(take.id);
    for (const b of list.querySelectorAll('.take')) b.setAttribute('aria-current', String(b.dataset.take === id));
    // Every track's waveform, stacked on one time line; the track that plays is outlined.
    const lanes = take.tracks.map((tr, i) => {
      const canvas = el('canvas', { class: 'waveform', id: i === 0 ? 'waveform' : `waveform-${tr.number}`,
        'aria-label': t('takes.waveformOf', { n: tr.number, name: tr.name }) });
      return { number: tr.number, canvas, lane: el('div', { class: 'lane' }, canvas, el('span', { class: 'lane-name', text: `${tr.number} · ${tr.name}` })) };
    });
    const markerSeconds = take.markers.map((m) => m.seconds);
    const markerList = el('div', { class: 'markers', id: 'markers', 'aria-label': t('takes.markers') },
      take.markers.map((m, i) => el('button', { type: 'button', 'data-marker': String(m.seconds), title: t('takes.playFromMarker') },
        `${clock(m.seconds)} ${m.label && m.label !== 'marker' ? m.label : t('takes.markerN', { n: i + 1 })}`)));
    const audio = el('audio', { id: 'player', controls: true, preload: 'metadata' });
    const trackSelect = el('select', { id: 'track-select', 'aria-label': t('takes.trackToPlay') },
      take.tracks.map((tr) => el('option', { value: String(tr.number), text: `${tr.number} · ${tr.name}` })));
    const download = el('a', { class: 'button', id: 'download-track', download: '' }, t('takes.downloadTrack'));
    const setTrack = () => {
      const n = trackSelect.value;
      audio.src = `/api/takes/${encodeURIComponent(take.id)}/tracks/${n}/audio`;
      download.href = `${audio.src}?download=1`;
    };
    trackSelect.addEventListener('change', setTrack);
    setTrack();
    const name = el('input', { type: 'text', id: 'take-name', value: take.name, maxlength: '80', 'aria-label': t('takes.name') });
    const notes = el('textarea', { id: 'take-notes', maxlength: '4000', 'aria-label': t('takes.notes') });
    notes.value = take.notes || '';
    const save = el('button', { type: 'button', id: 'save-take', class: 'primary' }, t('takes.save'));
    const remove = el('button', { type: 'button', id: 'delete-take', class: 'danger' }, t('takes.delete'));
    detail.replaceChildren(
      takeTitle(t('takes.title'), take.name),
      el('p', { class: 'muted', text: `${dayTitle(take.day)} · ${clock(take.durationSeconds)} · ${t('unit.hz', { hz: number(take.rateHz) })} · ${t('takes.bits', { bits: take.bits })} · ${plural('takes.markerCount', take.markers.length)}` }),
      el('div', { class: 'tracks-stack' }, lanes.map((l) => l.lane)),
      take.markers.length > 0 ? markerList : null,
      take.feedback ? el('section', { id: 'take-feedback', class: 'feedback', 'aria-label': t('takes.feedback') },
        el('h3', { text: t('takes.feedback') }), el('p', { text: take.feedback })) : null,
      el('div', { class: 'row' }, el('div', { class: 'grow' }, trackSelect), download),
      audio,
      el('label', { for: 'take-name', text: t('takes.nameLabel') }), name,
      el('label', { for: 'take-notes', text: t('takes.notes') }), notes,
      el('div', { class: 'row' }, save, remove, el('a', { class: 'button', href: '#mix' }, t('nav.mix')), el('a', { class: 'button', href: '#export' }, t('nav.export')),
        el('a', { class: 'button', href: '#song', id: 'make-song-from-take', onclick: () => sessionStorage.setItem('taperoom.songTake', take.id) }, t('takes.makeSong'))));
    detail.hidden = false;
    waveform = null;
    const seconds = () => (audio.duration > 0 ? audio.duration : take.durationSeconds);
    redraw = () => {
      const position = audio.duration > 0 ? audio.currentTime / audio.duration : -1;
      const marks = markerSeconds.map((m) => m / Math.max(0.001, seconds()));
      lanes.forEach((l, i) => {
        l.lane.setAttribute('aria-current', String(String(l.number) === trackSelect.value));
        l.canvas.dataset.markers = markerSeconds.join(',');
        drawWaveform(l.canvas, waveform && waveform.tracks[i], position, marks);
      });
    };
    api.get(`/api/takes/${encodeURIComponent(take.id)}/waveform`).then((w) => { waveform = w; redraw(); }).catch((e) => toast(e.message));
    audio.addEventListener('timeupdate', redraw);
    trackSelect.addEventListener('change', redraw);
    for (const l of lanes) {
      l.canvas.addEventListener('pointerdown', (e) => {
        const rect = l.canvas.getBoundingClientRect();
        const fraction = Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
        if (audio.duration > 0) audio.currentTime = fraction * audio.duration;
        redraw();
      });
    }
    for (const b of markerList.querySelectorAll('[data-marker]')) {
      b.addEventListener('click', () => { audio.currentTime = Number(b.dataset.marker); redraw(); });
    }
    save.addEventListener('click', async () => {
      try {
        const updated = await api.patch(`/api/takes/${encodeURIComponent(take.id)}`, { name: name.value, notes: notes.value });
        toast(t('takes.saved'));
        await load();
        await open(updated.id);
      } catch (e) { toast(e.message); }
    });
    remove.addEventListener('click', async () => {
      try {
        const gone = await api.del(`/api/takes/${encodeURIComponent(take.id)}`);
        detail.hidden = true;
        selected = null;
        await load();
        toast(t('takes.deleted', { name: take.name }), t('takes.undo'), async () => {
          try {
            const back = await api.post(`/api/trash/${encodeURIComponent(gone.trashId)}/restore`);
            await load();
            await open(back.id);
          } catch (e) { toast(e.message); }
        }, 10000);
      } catch (e) { toast(e.message); }
    });
  }

  const offs = [live.on('takes', load)];
  window.addEventListener('resize', () => redraw());
  await load();
  const remembered = currentTakeId();
  if (remembered && list.querySelector(`[data-take="${CSS.escape(remembered)}"]`)) await open(remembered);
  return () => offs.forEach((off) => off());
}
