// Song: a song's lanes with their passes on one timeline (each pass where it sits in the song, the
// one heard marked in words as well as colour), the active pass per lane, mute and solo, a new
// pass recorded over the song from the armed inputs (punched in and out, or looped, when asked),
// playback of the song with a playhead, renders
// with their progress, and passes taken out to the song's trash with an undo. A song is made here
// from a take (its tracks become lanes); its punch crossfade is set and the whole song goes to the
// library's trash here, with an undo. Above the lanes a ruler of bars and beats from the song's
// tempo and time signature carries its sections and markers (or its passes' take markers) and the
// punch region, which a finger or mouse drags out on it; the pass blocks draw their waveforms.
import * as api from '../api.js';
import * as live from '../live.js';
import * as jobs from '../jobs.js';
import { t } from '../i18n.js';
import { el, clock, toast } from '../ui.js';
import { calibrationNote } from '../calibration.js';
import { drawWaveform } from '../waveform.js';
import { soundSelect, levelSelect } from '../click.js';

const SONG_KEY = 'taperoom.song';
const enc = encodeURIComponent;

function seconds(s) {
  return Number.isFinite(s) ? `${s.toFixed(1)} s` : '–';
}

export async function show(view) {
  const songSelect = el('select', { id: 'song-select', 'aria-label': t('song.choose') });
  const takeSelect = el('select', { id: 'song-take-select', 'aria-label': t('song.fromTake') });
  const titleInput = el('input', { id: 'song-title', type: 'text', maxlength: '80', 'aria-label': t('song.title') });
  const makeButton = el('button', { type: 'button', id: 'make-song', class: 'primary' }, t('song.make'));
  const chooser = el('section', { class: 'card', id: 'song-chooser' },
    el('h2', { text: t('song.songs') }),
    el('div', { class: 'row' }, el('div', { class: 'grow' }, songSelect)),
    el('label', { for: 'song-take-select', text: t('song.fromTake') }),
    el('div', { class: 'row' }, el('div', { class: 'grow' }, takeSelect)),
    el('label', { for: 'song-title', text: t('song.title') }),
    el('div', { class: 'row' }, el('div', { class: 'grow' }, titleInput), makeButton));
  // The open song, above the chooser; in the page only while a song is open (an empty section
  // would be the page's first, with nothing in it).
  const detail = el('section', { class: 'card', id: 'song-detail' });
  view.append(chooser);

  let song = null;
  let inputs = [];
  const armed = new Set();
  // The next pass's click and count-in, their sound and level, kept while the page shows the song.
  const cue = { click: false, countInBars: 0, clickSound: 'beep', clickLevelDb: -12 };
  let transportState = 'idle';
  let playhead = -1;
  // The punch and loop fields' text, kept across redraws of the song (a pass placed, a lane changed).
  const punchText = { in: '', out: '', from: '', cycles: '' };
  // Waveform overviews by take id (a promise each, fetched once while the page shows; a failed one is asked again at the next redraw).
  const peaks = new Map();

  async function loadChooser() {
    let songs = [];
    let takes = [];
    try {
      [songs, takes] = await Promise.all([api.get('/api/songs'), api.get('/api/takes')]);
    } catch (e) { toast(e.message); return; }
    songSelect.replaceChildren(el('option', { value: '', text: songs.length ? t('song.pick') : t('song.none') }),
      ...songs.map((s) => el('option', { value: s.id, text: t('song.option', { title: s.title, lanes: s.lanes }) })));
    if (song) songSelect.value = song.id;
    takeSelect.replaceChildren(...takes.map((tk) => el('option', { value: tk.id, 'data-name': tk.name, text: `${tk.name} · ${clock(tk.durationSeconds)}` })));
    // "Make a song" on the Takes page names the take to start from.
    const fromTakes = sessionStorage.getItem('taperoom.songTake');
    sessionStorage.removeItem('taperoom.songTake');
    const chosen = takes.find((tk) => tk.id === fromTakes);
    if (chosen) {
      takeSelect.value = chosen.id;
      titleInput.value = chosen.name;
      titleInput.focus();
    } else if (!titleInput.value && takes.length) titleInput.value = takes[0].name;
    makeButton.disabled = takes.length === 0;
  }

  takeSelect.addEventListener('change', () => {
    const option = takeSelect.selectedOptions[0];
    if (option) titleInput.value = option.dataset.name;
  });
  songSelect.addEventListener('change', () => { if (songSelect.value) open(songSelect.value); });
  makeButton.addEventListener('click', async () => {
    try {
      const made = await api.post('/api/songs', { title: titleInput.value, fromTake: takeSelect.value });
      toast(t('song.made', { title: made.title }));
      await open(made.id);
      await loadChooser();
    } catch (e) { toast(e.message); }
  });

  async function open(id) {
    try {
      song = await api.get(`/api/songs/${enc(id)}`);
    } catch (e) {
      sessionStorage.removeItem(SONG_KEY);
      toast(e.message);
      return;
    }
    sessionStorage.setItem(SONG_KEY, song.id);
    songSelect.value = song.id;
    render();
  }

  function passLabel(p) {
    const when = p.recordedAt ? new Date(p.recordedAt).toLocaleTimeString() : '';
    return t('song.passLabel', { number: p.number, length: seconds(p.lengthSeconds), when });
  }

  function laneRow(lane, length) {
    const mute = el('button', { type: 'button', class: 'toggle', 'data-mute': String(lane.number), 'aria-pressed': String(lane.mute),
      'aria-label': t('song.muteLane', { lane: lane.name }) }, t('song.mute'));
    const solo = el('button', { type: 'button', class: 'toggle', 'data-solo': String(lane.number), 'aria-pressed': String(lane.solo),
      'aria-label': t('song.soloLane', { lane: lane.name }) }, t('song.solo'));
    mute.addEventListener('click', () => changeLane(lane, { mute: !lane.mute }));
    solo.addEventListener('click', () => changeLane(lane, { solo: !lane.solo }));
    const passSelect = el('select', { 'data-pass-select': String(lane.number), 'aria-label': t('song.activePassOf', { lane: lane.name }) },
      lane.passes.map((p) => el('option', { value: String(p.number), text: passLabel(p) })));
    passSelect.value = String(lane.active);
    passSelect.addEventListener('change', () => changeLane(lane, { active: Number(passSelect.value) }));
    const rows = lane.passes.map((p) => {
      const left = length > 0 ? Math.max(0, p.offsetSeconds / length) : 0;
      const width = length > 0 && p.lengthSeconds ? Math.min(1 - left, p.lengthSeconds / length) : 0;
      const block = el('button', { type: 'button', class: 'pass-block', 'data-pass': String(p.number), 'aria-current': String(p.active),
        'aria-label': t(p.active ? 'song.passHeard' : 'song.passChoose', { number: p.number, lane: lane.name }),
        title: t(p.active ? 'song.passHeard' : 'song.passChoose', { number: p.number, lane: lane.name }),
        style: { left: `${(left * 100).toFixed(3)}%`, width: `${Math.max(0.5, width * 100).toFixed(3)}%` } },
      el('canvas', { class: 'pass-wave', 'aria-hidden': 'true', 'data-take': p.take, 'data-track-index': String(p.trackIndex ?? '') }),
      el('span', { class: 'pass-name', text: p.missing ? t('song.passMissing', { number: p.number }) : (p.active ? t('song.passActive', { number: p.number }) : String(p.number)) }));
      block.addEventListener('click', () => { if (!p.active) changeLane(lane, { active: p.number }); });
      const remove = el('button', { type: 'button', class: 'pass-remove', 'data-remove-pass': `${lane.number}/${p.number}`,
        'aria-label': t('song.removePass', { number: p.number, lane: lane.name }), title: t('song.removePass', { number: p.number, lane: lane.name }) }, '✕');
      remove.addEventListener('click', () => removePass(lane, p));
      return el('div', { class: 'pass-row' }, el('div', { class: 'pass-track' }, block), remove);
    });
    return el('div', { class: 'song-lane', 'data-lane': String(lane.number), 'data-lane-name': lane.name },
      el('div', { class: 'row lane-head' }, el('span', { class: 'lane-title', text: `${lane.number} · ${lane.name}` }),
        el('div', { class: 'grow' }, passSelect), mute, solo),
      rows);
  }

  function render() {
    if (!song) { detail.remove(); return; }
    const length = song.lengthSeconds || 0;
    const playButton = el('button', { type: 'button', id: 'play-song', class: 'primary' }, t('song.play'));
    const stopButton = el('button', { type: 'button', id: 'stop-song' }, t('song.stop'));
    const position = el('span', { id: 'song-position', class: 'big-number', text: clock(Math.max(0, playhead)) });
    // The Mix page as this song's desk: its lanes are the strips, every move heard while it plays.
    const mixLink = el('a', { class: 'button', id: 'mix-song', href: `#mix/song/${encodeURIComponent(song.id)}`, title: t('song.mixTitle') }, t('song.mix'));
    playButton.addEventListener('click', play);
    stopButton.addEventListener('click', stopPlayback);
    const head = el('div', { class: 'song-playhead', id: 'song-playhead', hidden: playhead < 0 || length <= 0 });
    const lanes = el('div', { class: 'song-lanes', id: 'song-lanes' }, length > 0 ? ruler(length) : null,
      song.lanes.map((l) => laneRow(l, length)),
      el('div', { class: 'playhead-area', 'aria-hidden': 'true' }, head));

    const armButtons = inputs.map((input) => {
      const b = el('button', { type: 'button', class: 'toggle arm', 'data-arm': String(input.number), 'aria-pressed': String(armed.has(input.number)),
        'aria-label': t('song.armInput', { number: input.number, name: input.name }) }, `${input.number} · ${input.name}`);
      b.addEventListener('click', () => {
        if (armed.has(input.number)) armed.delete(input.number); else armed.add(input.number);
        b.setAttribute('aria-pressed', String(armed.has(input.number)));
      });
      return b;
    });
    const laneName = el('input', { id: 'pass-lane', type: 'text', maxlength: '40', 'aria-label': t('song.passLane'), placeholder: t('song.passLanePlaceholder') });
    // Punch and loop: empty fields record the song from its start until stopped.
    const number = (id, label) => el('input', { id, type: 'number', min: '0', step: '0.1', inputmode: 'decimal', 'aria-label': label });
    const punchIn = number('punch-in', t('song.punchIn'));
    const punchOut = number('punch-out', t('song.punchOut'));
    const preRoll = number('punch-from', t('song.punchFrom'));
    const cycles = el('input', { id: 'loop-cycles', type: 'number', min: '0', max: '32', step: '1', inputmode: 'numeric', 'aria-label': t('song.loopCycles') });
    for (const [key, field] of [['in', punchIn], ['out', punchOut], ['from', preRoll], ['cycles', cycles]]) {
      field.value = punchText[key];
      field.addEventListener('input', () => { punchText[key] = field.value; drawRegion(); });
    }
    const punchBox = el('details', { class: 'punch', id: 'punch-box', open: punchText.in !== '' || punchText.out !== '' },
      el('summary', { text: t('song.punchAndLoop') }),
      el('div', { class: 'punch-grid' },
        el('div', {}, el('label', { for: 'punch-from', text: t('song.punchFrom') }), preRoll),
        el('div', {}, el('label', { for: 'punch-in', text: t('song.punchIn') }), punchIn),
        el('div', {}, el('label', { for: 'punch-out', text: t('song.punchOut') }), punchOut),
        el('div', {}, el('label', { for: 'loop-cycles', text: t('song.loopCycles') }), cycles)));
    const punch = () => {
      if (punchIn.value === '' && punchOut.value === '') return undefined;
      const p = { inSeconds: Number(punchIn.value), outSeconds: Number(punchOut.value) };
      if (preRoll.value !== '') p.fromSeconds = Number(preRoll.value);
      if (cycles.value !== '') p.loopCycles = Number(cycles.value);
      return p;
    };
    // Click and count-in: heard on the monitor outputs only, never recorded.
    const clickButton = el('button', { type: 'button', id: 'pass-click', class: 'toggle', 'aria-pressed': String(cue.click) }, t('song.click'));
    clickButton.addEventListener('click', () => {
      cue.click = !cue.click;
      clickButton.setAttribute('aria-pressed', String(cue.click));
    });
    const countIn = el('select', { id: 'count-in' }, [0, 1, 2, 3, 4].map((n) => el('option', {
      value: String(n), text: n === 0 ? t('song.countInNone') : String(n), selected: n === cue.countInBars })));
    countIn.addEventListener('change', () => { cue.countInBars = Number(countIn.value); });
    const clickSound = soundSelect('pass-click-sound', cue.clickSound);
    clickSound.addEventListener('change', () => { cue.clickSound = clickSound.value; });
    const clickLevel = levelSelect('pass-click-level', cue.clickLevelDb);
    clickLevel.addEventListener('change', () => { cue.clickLevelDb = Number(clickLevel.value); });
    const cueRow = el('div', { class: 'row', id: 'pass-cue' }, clickButton,
      el('label', { for: 'count-in', text: t('song.countIn') }), countIn, clickSound, clickLevel);
    const overdubbing = transportState === 'overdubbing' || transportState === 'stopping';
    const recordButton = el('button', { type: 'button', id: 'record-pass', class: overdubbing ? 'danger' : 'primary', 'data-overdubbing': String(overdubbing) },
      overdubbing ? t('song.stopPass') : t('song.recordPass'));
    recordButton.addEventListener('click', overdubbing ? stopPass : () => recordPass(laneName.value.trim(), punch()));
    const passStatus = el('p', { id: 'pass-status', role: 'status', class: 'muted',
      text: overdubbing ? t('song.passRunning') : '' });

    const renderButton = el('button', { type: 'button', id: 'render-song' }, t('song.render'));
    const progress = el('progress', { id: 'render-progress', max: '1', value: '0', hidden: true, 'aria-label': t('song.renderProgress') });
    const renderStatus = el('p', { id: 'render-status', role: 'status', class: 'muted' });
    const renderList = el('ul', { id: 'song-renders', class: 'plain-list' });
    renderButton.addEventListener('click', () => startRender('render', { format: 'wav' }));
    // The quick mix a take gets when it stops: each lane levelled, the rehearsal master, an MP3.
    const quickMixButton = el('button', { type: 'button', id: 'quick-mix-song', title: t('song.quickMixTitle') }, t('song.quickMix'));
    quickMixButton.addEventListener('click', () => startRender('quick-mix'));

    detail.replaceChildren(
      el('h2', {}, `${t('song.heading')} · `, el('span', { class: 'take-name', 'data-song-name': '', text: song.title })),
      el('p', { class: 'muted', text: t('song.figures', { rate: song.rateHz, tempo: song.tempoBpm, length: clock(length), lanes: song.lanes.length }) }),
      el('div', { class: 'row' }, playButton, stopButton, position, mixLink),
      song.lanes.length ? lanes : el('p', { class: 'muted', text: t('song.noLanes') }),
      el('h3', { text: t('song.newPass') }),
      el('div', { class: 'row', role: 'group', 'aria-label': t('song.armedInputs') }, armButtons),
      el('div', { class: 'row' }, el('div', { class: 'grow' }, laneName), recordButton),
      cueRow,
      punchBox,
      passStatus,
      el('h3', { text: t('song.renders') }),
      el('div', { class: 'row' }, renderButton, quickMixButton, el('div', { class: 'grow' }, progress)),
      renderStatus,
      renderList);
    detail.append(...songSettings());
    if (!detail.isConnected) view.prepend(detail);
    drawRegion();
    drawWaves();
    drawPlayhead();
    showRender();
    loadRenders(renderList);
  }

  // The ruler: a bar line and its number every 1, 2, 4 … bars (few enough to read), beat ticks
  // while bars are wide enough, the song's sections and markers (the active passes' take markers
  // when the song has none) as labelled flags, and the punch region. A drag on it sets the punch.
  function ruler(length) {
    const beatSeconds = 60 / song.tempoBpm;
    const beatsPerBar = Number.parseInt(song.timeSignature, 10) || 4;
    const barSeconds = beatSeconds * beatsPerBar;
    const bars = Math.ceil(length / barSeconds);
    // About one number per 64 px of the screen: 12 on the 800 px kiosk, 5 on a phone.
    const labels = Math.max(4, Math.floor(window.innerWidth / 64));
    let every = 1;
    while (bars / every > labels) every *= 2;
    const at = (seconds) => ({ left: `${Math.min(100, (seconds / length) * 100).toFixed(3)}%` });
    const marks = [];
    for (let bar = 0; bar < bars; bar++) {
      const start = bar * barSeconds;
      if (bar % every === 0) {
        marks.push(el('span', { class: 'ruler-bar', 'data-bar': String(bar + 1), 'data-seconds': start.toFixed(3), style: at(start) }, String(bar + 1)));
      }
      for (let beat = 1; bars <= 24 && beat < beatsPerBar; beat++) {
        const s = start + beat * beatSeconds;
        if (s < length) marks.push(el('span', { class: 'ruler-beat', style: at(s) }));
      }
    }
    const heard = song.lanes.flatMap((l) => l.passes.filter((p) => p.active).flatMap((p) => p.markers || []));
    const markers = (song.markers || []).length ? song.markers : heard;
    const flag = (kind, seconds, text) => el('span', { class: `ruler-flag ${kind}`, 'data-flag': kind, 'data-seconds': String(seconds),
      style: at(seconds), title: `${clock(seconds)} ${text}` }, text);
    const flags = [
      ...(song.sections || []).map((x) => flag('section', x.seconds, `§ ${x.name}`)),
      ...markers.map((m, i) => flag('marker', m.seconds, `▾ ${m.label && m.label !== 'marker' ? m.label : t('song.markerN', { n: i + 1 })}`))];
    const region = el('div', { class: 'ruler-region', id: 'punch-region', hidden: true }, el('span', { class: 'region-name' }));
    const bar = el('div', { class: 'song-ruler', id: 'song-ruler', role: 'group',
      'aria-label': t('song.ruler', { tempo: song.tempoBpm, time: song.timeSignature }), title: t('song.rulerDrag'),
      'data-length-seconds': String(length) }, region, marks, flags);
    dragPunch(bar, length);
    return el('div', { class: 'pass-row ruler-row' }, bar, el('span', { class: 'ruler-spacer', 'aria-hidden': 'true' }));
  }

  // A drag on the ruler sets the punch in and out (to a tenth of a second, as the fields step);
  // one begun near an edge of the region moves that edge alone.
  function dragPunch(bar, length) {
    let grab = null;
    let anchor = 0;
    const secondsAt = (e) => {
      const r = bar.getBoundingClientRect();
      const fraction = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
      return Math.round(fraction * length * 10) / 10;
    };
    const set = (a, b) => {
      punchText.in = String(Math.min(a, b));
      punchText.out = String(Math.max(a, b));
      for (const [id, key] of [['punch-in', 'in'], ['punch-out', 'out']]) {
        const f = detail.querySelector(`#${id}`);
        if (f) f.value = punchText[key];
      }
      const box = detail.querySelector('#punch-box');
      if (box) box.open = true;
      drawRegion();
    };
    bar.addEventListener('pointerdown', (e) => {
      const s = secondsAt(e);
      const r = bar.getBoundingClientRect();
      const near = (v) => punchText[v] !== '' && Math.abs((Number(punchText[v]) / length) * r.width - (e.clientX - r.left)) < 24;
      if (near('in')) { grab = 'edge'; anchor = Number(punchText.out); } else if (near('out')) { grab = 'edge'; anchor = Number(punchText.in); } else { grab = 'new'; anchor = s; }
      bar.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    bar.addEventListener('pointermove', (e) => {
      if (!grab) return;
      const s = secondsAt(e);
      if (grab === 'new' && s === anchor) return;
      set(anchor, s);
    });
    const end = () => { grab = null; };
    bar.addEventListener('pointerup', end);
    bar.addEventListener('pointercancel', end);
  }

  function drawRegion() {
    const region = detail.querySelector('#punch-region');
    const length = song ? song.lengthSeconds : 0;
    if (!region || !(length > 0)) return;
    const a = Number(punchText.in);
    const b = Number(punchText.out);
    region.hidden = punchText.in === '' || punchText.out === '' || !(b > a);
    if (region.hidden) return;
    region.style.left = `${Math.min(100, (a / length) * 100).toFixed(3)}%`;
    region.style.width = `${Math.max(0, (Math.min(b, length) - a) / length * 100).toFixed(3)}%`;
    const loops = Number(punchText.cycles) > 0;
    region.dataset.loop = String(loops);
    region.firstChild.textContent = loops ? t('song.loopRegion', { cycles: Number(punchText.cycles) }) : t('song.punchRegion');
  }

  // Each pass block's peaks: its track from its take's waveform overview, with the take's markers.
  function drawWaves() {
    for (const canvas of detail.querySelectorAll('canvas.pass-wave')) {
      const take = canvas.dataset.take;
      const index = canvas.dataset.trackIndex;
      if (!take || index === '') continue;
      if (!peaks.has(take)) peaks.set(take, api.get(`/api/takes/${enc(take)}/waveform`).catch(() => { peaks.delete(take); return null; }));
      peaks.get(take).then((w) => {
        const track = w && w.tracks[Number(index)];
        if (!track || !canvas.isConnected) return;
        drawWaveform(canvas, track, -1, []);
        canvas.dataset.drawn = 'true';
      });
    }
  }

  // The song's own settings and its way to the trash: how long a punch's boundaries crossfade in
  // the render (0 is a butt splice), and the whole song to the trash with an undo.
  function songSettings() {
    const fade = el('input', { id: 'punch-crossfade', type: 'number', min: '0', max: '100', step: '1', inputmode: 'decimal',
      value: String(song.punchCrossfadeMs ?? 5), 'aria-describedby': 'punch-crossfade-help' });
    fade.addEventListener('change', async () => {
      try {
        song = await api.patch(`/api/songs/${enc(song.id)}`, { punchCrossfadeMs: Number(fade.value) });
        toast(t('song.crossfadeSaved', { ms: song.punchCrossfadeMs }));
      } catch (e) { toast(e.message); fade.value = String(song.punchCrossfadeMs); }
    });
    const remove = el('button', { type: 'button', id: 'delete-song', class: 'danger',
      'aria-label': t('song.deleteSongOf', { title: song.title }) }, t('song.deleteSong'));
    remove.addEventListener('click', deleteSong);
    calibrationNote().then((note) => detail.querySelector('#song-calibration')?.replaceWith(note));
    // Tempo, time signature and key: the click, the count-in and the ruler read the first two.
    const patch = async (body, field, restore) => {
      try {
        song = await api.patch(`/api/songs/${enc(song.id)}`, body);
        toast(t('song.musicSaved', { tempo: song.tempoBpm, meter: song.timeSignature }));
        render();
      } catch (e) { toast(e.message); restore(); }
    };
    const tempo = el('input', { id: 'song-tempo', type: 'number', min: '20', max: '300', step: '0.1', inputmode: 'decimal',
      value: String(song.tempoBpm ?? 120) });
    tempo.addEventListener('change', () => patch({ tempoBpm: Number(tempo.value) }, tempo, () => { tempo.value = String(song.tempoBpm); }));
    const meter = el('input', { id: 'song-meter', type: 'text', maxlength: '5', inputmode: 'numeric', value: song.timeSignature || '4/4' });
    meter.addEventListener('change', () => patch({ timeSignature: meter.value }, meter, () => { meter.value = song.timeSignature; }));
    const key = el('input', { id: 'song-key', type: 'text', maxlength: '40', value: song.key || '' });
    key.addEventListener('change', () => patch({ key: key.value }, key, () => { key.value = song.key || ''; }));
    return [
      el('h3', { text: t('song.settings') }),
      el('p', { id: 'song-calibration', class: 'muted' }),
      el('div', { class: 'row' },
        el('div', { class: 'grow' }, el('label', { for: 'song-tempo', text: t('song.tempo') }), tempo),
        el('div', { class: 'grow' }, el('label', { for: 'song-meter', text: t('song.meter') }), meter),
        el('div', { class: 'grow' }, el('label', { for: 'song-key', text: t('song.key') }), key)),
      el('label', { for: 'punch-crossfade', text: t('song.crossfade') }),
      el('div', { class: 'row' }, el('div', { class: 'grow' }, fade)),
      el('p', { id: 'punch-crossfade-help', class: 'muted', text: t('song.crossfadeHelp') }),
      el('div', { class: 'row' }, remove)];
  }

  async function deleteSong() {
    const gone = song;
    try {
      const answer = await api.del(`/api/songs/${enc(gone.id)}`);
      song = null;
      sessionStorage.removeItem(SONG_KEY);
      render();
      await loadChooser();
      toast(t('song.deleted', { title: gone.title }), t('song.undo'), async () => {
        try {
          const back = await api.post(`/api/trash/songs/${enc(answer.trashId)}/restore`);
          await open(back.id);
          await loadChooser();
        } catch (e) { toast(e.message); }
      }, 10000);
    } catch (e) { toast(e.message); }
  }

  function drawPlayhead() {
    const head = detail.querySelector('#song-playhead');
    const length = song ? song.lengthSeconds : 0;
    const pos = detail.querySelector('#song-position');
    if (pos) pos.textContent = clock(Math.max(0, playhead));
    if (!head) return;
    head.hidden = playhead < 0 || !(length > 0);
    if (!head.hidden) head.style.left = `${Math.min(100, (playhead / length) * 100).toFixed(3)}%`;
  }

  async function changeLane(lane, change) {
    try {
      song = await api.patch(`/api/songs/${enc(song.id)}/lanes/${lane.number}`, change);
      render();
    } catch (e) { toast(e.message); }
  }

  async function removePass(lane, pass, confirmLane = false) {
    const path = `/api/songs/${enc(song.id)}/lanes/${lane.number}/passes/${pass.number}${confirmLane ? '?confirm=lane' : ''}`;
    try {
      const after = await api.del(path);
      song = after;
      render();
      toast(t('song.passRemoved', { number: pass.number, lane: lane.name }), t('song.undo'), async () => {
        try {
          song = await api.post(`/api/songs/${enc(song.id)}/trash/${after.trashed.entry}/restore`);
          render();
        } catch (e) { toast(e.message); }
      });
    } catch (e) {
      if (e.status === 409 && !confirmLane && lane.passes.length === 1) {
        toast(t('song.onlyPass', { lane: lane.name }), t('song.removeLane'), () => removePass(lane, pass, true), 10000);
      } else toast(e.message);
    }
  }

  async function recordPass(lane, punch) {
    const chosen = [...armed].sort((a, b) => a - b);
    if (chosen.length === 0) { toast(t('song.armFirst')); return; }
    const body = { inputs: chosen };
    if (lane) body.lanes = chosen.length === 1 ? [lane] : chosen.map((n) => `${lane} ${n}`);
    if (punch) body.punch = punch;
    if (cue.click) body.click = true;
    if (cue.countInBars > 0) body.countInBars = cue.countInBars;
    if (cue.click || cue.countInBars > 0) Object.assign(body, { clickSound: cue.clickSound, clickLevelDb: cue.clickLevelDb });
    try {
      await api.post(`/api/songs/${enc(song.id)}/passes`, body);
      transportState = 'overdubbing';
      render();
    } catch (e) { toast(e.message); }
  }

  async function stopPass() {
    try {
      await api.post(`/api/songs/${enc(song.id)}/passes/stop`);
    } catch (e) { toast(e.message); }
  }

  async function play() {
    try {
      const now = await api.post(`/api/songs/${enc(song.id)}/play`, {});
      playhead = now.positionSeconds || 0;
      drawPlayhead();
      watchPlayback();
    } catch (e) { toast(e.message); }
  }

  async function stopPlayback() {
    try { await api.post('/api/playback/stop'); } catch (e) { toast(e.message); }
    playhead = -1;
    drawPlayhead();
  }

  // The playhead follows the playback engine: live messages where they come, else a poll while playing.
  let pollTimer = null;
  function watchPlayback() {
    clearInterval(pollTimer);
    pollTimer = setInterval(async () => {
      try { onPlayback(await api.get('/api/playback')); } catch { clearInterval(pollTimer); }
    }, 250);
  }
  function onPlayback(msg) {
    if (!song || msg.song !== song.id) {
      if (playhead >= 0 && !msg.song) { playhead = -1; drawPlayhead(); clearInterval(pollTimer); }
      return;
    }
    playhead = msg.playing || msg.positionSeconds > 0 ? msg.positionSeconds : -1;
    drawPlayhead();
    if (!msg.playing && msg.ended) clearInterval(pollTimer);
  }

  // The render's progress outlives a redraw of the song (a pass placed, a lane changed meanwhile).
  const renderJob = { running: false, fraction: -1, note: '' };
  function showRender() {
    const button = detail.querySelector('#render-song');
    const quick = detail.querySelector('#quick-mix-song');
    const progress = detail.querySelector('#render-progress');
    const status = detail.querySelector('#render-status');
    if (!button) return;
    button.disabled = renderJob.running;
    if (quick) quick.disabled = renderJob.running;
    progress.hidden = renderJob.fraction < 0;
    progress.value = Math.max(0, renderJob.fraction);
    status.textContent = renderJob.note;
  }

  /** Starts the song's render ({@code route} 'render') or quick mix ('quick-mix') and follows it to the end. */
  async function startRender(route, body) {
    try {
      const started = await api.post(`/api/songs/${enc(song.id)}/${route}`, body);
      Object.assign(renderJob, { running: true, fraction: 0, note: t('song.rendering', { percent: 0 }) });
      showRender();
      await jobs.follow(started.job, (fraction) => {
        Object.assign(renderJob, { fraction, note: t('song.rendering', { percent: Math.round(fraction * 100) }) });
        showRender();
      });
      Object.assign(renderJob, { fraction: 1, note: t('song.rendered') });
      loadRenders(detail.querySelector('#song-renders'));
    } catch (e) {
      renderJob.note = e.message;
    } finally {
      renderJob.running = false;
      showRender();
    }
  }

  async function loadRenders(list) {
    if (!song) return;
    let renders = [];
    try { renders = await api.get(`/api/songs/${enc(song.id)}/renders`); } catch { return; }
    list.replaceChildren(...renders.map((r) => el('li', {}, el('a', { class: 'button file-name', href: r.url, download: '' }, r.file))));
  }

  function onState(msg) {
    const was = transportState;
    transportState = msg.state;
    if (!song) return;
    const overdubbing = msg.state === 'overdubbing' || msg.state === 'stopping';
    const wasOverdubbing = was === 'overdubbing' || was === 'stopping';
    if (overdubbing !== wasOverdubbing) {
      if (!overdubbing) open(song.id).then(() => {
        const status = detail.querySelector('#pass-status');
        if (status) status.textContent = msg.reason || '';
      });
      else render();
    }
  }

  function onSongs(msg) {
    if (song && msg.song === song.id && transportState !== 'overdubbing') open(song.id);
    else loadChooser();
  }

  try {
    const [state, list] = await Promise.all([api.get('/api/state'), api.get('/api/inputs')]);
    transportState = state.state;
    inputs = list;
    for (const i of list) if (i.armed) armed.add(i.number);
  } catch (e) { toast(e.message); }
  await loadChooser();
  const last = sessionStorage.getItem(SONG_KEY);
  if (last) await open(last);
  const offs = [live.on('state', onState), live.on('songs', onSongs), live.on('playback', onPlayback)];
  return () => {
    offs.forEach((off) => off());
    clearInterval(pollTimer);
  };
}
