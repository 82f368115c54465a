// Mix: the take's (or, opened as #mix/song/<id> from the Song page, the song's) mixer, live, laid
// out as a desk's tablet app is. Play, pause, seek and stop it on the appliance's outputs; a row of compact strips that scrolls sideways (per track:
// name, post-fader meter, fader with its dB scale, mute/solo, pan; then the reverb and delay
// returns and the master); a tap on a strip's name opens its detail view below (trim, polarity,
// high-pass, EQ, compressor, sends; the buses' settings; the master's EQ and glue). Every move is
// heard at once (sent to the playing mix, then saved a moment later; the master is saved, which
// the playing take hears from the next block), with each strip's meter and the master's measured
// by the playback engine; and "Listen here", the same live mix streamed to this browser.
import * as api from '../api.js';
import * as live from '../live.js';
import * as stream from '../stream.js';
import { t, fixed } from '../i18n.js';
import { el, toast, unavailable, currentTakeId, takeTitle, clock } from '../ui.js';
import { fader, knob } from '../mixer/controls.js';
import { trackDetail, reverbDetail, delayDetail, masterDetail } from '../mixer/detail.js';

const METER_FLOOR_DB = -60;
const SEND_MAX_DB = 6;
const MIX_SAVE_MILLIS = 400;
const MASTER_SAVE_MILLIS = 150;

/** Where the page reads and writes a take's or song's documents: the one place that knows the routes. */
function routesUnder(doc) {
  return { doc, mix: `${doc}/mix`, liveMix: `${doc}/mix/live`, master: `${doc}/master`, play: `${doc}/play` };
}

/**
 * What the page mixes: a take (its tracks are the strips, keyed by stem) or a song (its lanes,
 * keyed by name). Each strip says which of the engine's meters is its own: a song's lane whose
 * active pass is missing is not played, so it has none (-1).
 */
function takeSubject(id) {
  return {
    routes: routesUnder(`/api/takes/${encodeURIComponent(id)}`),
    describe: (take) => ({ name: take.name, durationSeconds: take.durationSeconds,
      strips: take.tracks.map((track, i) => ({ key: track.stem, number: track.number, name: track.name, meter: i })) }),
    plays: (doc) => doc.take === id,
  };
}

function songSubject(id) {
  return {
    routes: routesUnder(`/api/songs/${encodeURIComponent(id)}`),
    describe: (song) => {
      let heard = 0;
      return { name: song.title, durationSeconds: song.lengthSeconds,
        strips: song.lanes.map((lane) => {
          const active = lane.passes.find((p) => p.active);
          return { key: lane.name, number: lane.number, name: lane.name, meter: active && !active.missing ? heard++ : -1 };
        }) };
    },
    plays: (doc) => doc.song === id,
  };
}

/** The song named by the address (#mix/song/<id>), else the take chosen on the Takes page; null when neither. */
function subjectOf(hash) {
  const song = /^#mix\/song\/([^/]+)$/.exec(hash);
  if (song) return songSubject(decodeURIComponent(song[1]));
  const take = currentTakeId();
  return take ? takeSubject(take) : null;
}

/** A meter: the bar's length and the dB figure beside it (never colour alone); vertical in a strip. */
function meter(id, label, vertical = false) {
  const fill = el('div', { class: 'strip-meter-fill' });
  const figure = el('span', { class: 'meter-db muted', text: '–' });
  const bar = el('div', { class: `strip-meter${vertical ? ' vertical' : ''}`, id, role: 'meter', 'aria-label': label,
    'aria-valuemin': String(METER_FLOOR_DB), 'aria-valuemax': '0', 'aria-valuenow': String(METER_FLOOR_DB) }, fill);
  const set = (db) => {
    const percent = `${Math.max(0, Math.min(100, ((db - METER_FLOOR_DB) / -METER_FLOOR_DB) * 100))}%`;
    // The colour scale spans the whole bar, whatever its length: green low, red at full scale.
    if (vertical) {
      fill.style.height = percent;
      fill.style.backgroundSize = `100% ${bar.clientHeight}px`;
    } else {
      fill.style.width = percent;
      fill.style.backgroundSize = `${bar.clientWidth}px 100%`;
    }
    fill.dataset.db = String(db);
    bar.setAttribute('aria-valuenow', String(Math.max(METER_FLOOR_DB, db)));
    figure.textContent = db <= METER_FLOOR_DB ? '–' : `${db.toFixed(1)} dB`;
  };
  return { node: vertical ? bar : el('div', { class: 'meter-row' }, bar, figure), bar, set };
}

function panWords(p) {
  if (Math.abs(p) < 0.005) return t('mix.panCentre');
  return t(p < 0 ? 'mix.panLeft' : 'mix.panRight', { value: fixed(Math.abs(p) * 100, 0) });
}

export async function show(view) {
  const subject = subjectOf(location.hash);
  if (!subject) { unavailable(view, t('mix.chooseTake')); return null; }
  const routes = subject.routes;
  let shown; // the take or song as the page shows it: name, length, strips
  let mix;
  let master;
  try {
    let doc;
    [doc, mix, master] = await Promise.all([api.get(routes.doc), api.get(routes.mix), api.get(routes.master)]);
    shown = subject.describe(doc);
  } catch (e) {
    unavailable(view, e.status === 501 ? e.message : t('mix.cannotShow', { error: e.message }));
    return null;
  }
  mix.tracks = mix.tracks || {};

  // The transport: what the engine plays, as the /ws playback messages say.
  const playButton = el('button', { type: 'button', id: 'mix-play', class: 'primary', 'aria-pressed': 'false' }, t('mix.play'));
  const stopButton = el('button', { type: 'button', id: 'mix-stop' }, t('mix.stop'));
  const position = el('input', { type: 'range', id: 'mix-position', min: '0', max: String(Math.max(0.1, shown.durationSeconds || 0)), step: '0.01', value: '0', 'aria-label': t('mix.position') });
  const time = el('span', { id: 'mix-time', class: 'muted', text: `${clock(0)} / ${clock(shown.durationSeconds)}` });
  const listenButton = el('button', { type: 'button', id: 'mix-listen', 'aria-pressed': 'false' }, t('mix.listenHere'));
  const status = el('p', { id: 'mix-status', class: 'muted', 'aria-live': 'polite', text: t('mix.stopped') });
  const masterLeft = meter('master-meter-left', t('mix.masterLeft'));
  const masterRight = meter('master-meter-right', t('mix.masterRight'));
  const heard = meter('stream-meter', t('mix.heardHere'));
  view.append(el('section', { class: 'card' }, takeTitle(t('mix.title'), shown.name),
    el('div', { class: 'row' }, playButton, stopButton, listenButton),
    el('label', { for: 'mix-position' }, t('mix.position'), ' ', time), position,
    el('div', { class: 'master-meters' },
      el('span', { class: 'muted', text: t('mix.masterLeft') }), masterLeft.node,
      el('span', { class: 'muted', text: t('mix.masterRight') }), masterRight.node,
      el('span', { class: 'muted', text: t('mix.heardHere') }), heard.node),
    status));
  const strips = el('div', { class: 'strips', id: 'strips', role: 'group', 'aria-label': t('mix.strips') });
  const detailTitle = el('h3', { id: 'strip-detail-title' });
  const detailBody = el('div', { class: 'detail-groups' });
  const detail = el('section', { class: 'card strip-detail', id: 'strip-detail', 'aria-labelledby': 'strip-detail-title' },
    detailTitle, el('p', { class: 'muted', id: 'strip-detail-hint', text: t('mix.detailHint') }), detailBody);
  view.append(el('section', { class: 'card' }, strips), detail);

  let open = false; // this take or song is open in the engine (playing or paused)
  let playing = false;
  let seeking = false;
  const stripMeters = [];
  const masterStripMeters = [];
  function showPlayback(doc) {
    open = subject.plays(doc);
    playing = open && doc.playing;
    playButton.textContent = playing ? t('mix.pause') : t('mix.play');
    playButton.setAttribute('aria-pressed', String(playing));
    if (!open) {
      status.textContent = doc.take || doc.song ? t('mix.otherTake') : t('mix.stopped');
      [...stripMeters, ...masterStripMeters, masterLeft, masterRight].forEach((m) => m.set(-120));
      return;
    }
    if (!seeking) position.value = String(doc.positionSeconds);
    time.textContent = `${clock(doc.positionSeconds)} / ${clock(doc.lengthSeconds)}`;
    const state = doc.problem ? doc.problem : playing ? t('mix.playing') : doc.ended ? t('mix.ended') : t('mix.paused');
    status.textContent = t('mix.status', { state, underruns: doc.underruns, starved: doc.starvedPeriods });
    status.dataset.underruns = String(doc.underruns);
    if (doc.meters) {
      stripMeters.forEach((m) => m.set(m.engineIndex >= 0 && m.engineIndex < doc.meters.tracks.length ? doc.meters.tracks[m.engineIndex] : -120));
      [masterLeft, masterRight].forEach((m, i) => { m.set(doc.meters.master[i]); masterStripMeters[i].set(doc.meters.master[i]); });
    }
  }
  const offPlayback = live.on('playback', showPlayback);

  async function transport(request) {
    try { showPlayback(await request()); } catch (e) { toast(e.message); }
  }
  playButton.addEventListener('click', () => transport(() => (playing
    ? api.post('/api/playback/pause')
    : api.post(routes.play, { fromSeconds: Number(position.value) }))));
  stopButton.addEventListener('click', () => transport(() => api.post('/api/playback/stop')));
  position.addEventListener('input', () => { seeking = true; time.textContent = `${clock(Number(position.value))} / ${clock(shown.durationSeconds)}`; });
  position.addEventListener('change', () => {
    seeking = false;
    if (open) transport(() => api.post('/api/playback/seek', { seconds: Number(position.value) }));
  });

  let listening = null;
  listenButton.addEventListener('click', async () => {
    if (listening) {
      listening.stop();
      listening = null;
      heard.set(-120);
    } else {
      try { listening = await stream.listen((db) => heard.set(db)); } catch (e) { toast(t('mix.listenFailed', { error: e.message })); }
    }
    listenButton.setAttribute('aria-pressed', String(!!listening));
  });

  // A mix move is heard at once (one request on the way at a time, the newest mix next) and
  // saved a moment after the last one. A master move is saved (the playing take hears a saved
  // master from the next block), a moment after the last one.
  let saveTimer = null;
  let sending = false;
  let sendAgain = false;
  async function sendLive() {
    if (!open) return;
    if (sending) { sendAgain = true; return; }
    sending = true;
    try { await api.put(routes.liveMix, mix); } catch (e) { if (e.status !== 409) toast(e.message); }
    sending = false;
    if (sendAgain) { sendAgain = false; sendLive(); }
  }
  async function save() {
    saveTimer = null;
    try { await api.put(routes.mix, mix); } catch (e) { toast(e.message); }
  }
  function changed() {
    sendLive();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, MIX_SAVE_MILLIS);
  }
  let masterTimer = null;
  async function saveMaster() {
    masterTimer = null;
    try { await api.put(routes.master, master); } catch (e) { toast(e.message); }
  }
  function masterChanged() {
    clearTimeout(masterTimer);
    masterTimer = setTimeout(saveMaster, MASTER_SAVE_MILLIS);
  }

  // The detail view shows one strip at a time, its name button says which (aria-pressed); its
  // sections are pages chosen by a row of buttons, the same page kept from strip to strip.
  const nameButtons = [];
  let sectionKey = 'input';
  function showSections(sections) {
    const shown = sections.find((s) => s.key === sectionKey) || sections[0];
    const panels = sections.map((s) => el('div', { class: 'detail-groups', 'data-section': s.key, hidden: s !== shown }, ...s.nodes));
    const buttons = sections.map((s, i) => {
      const b = el('button', { type: 'button', 'data-section': s.key, 'aria-pressed': String(s === shown), 'aria-controls': `detail-section-${s.key}` }, s.label);
      panels[i].id = `detail-section-${s.key}`;
      b.addEventListener('click', () => {
        sectionKey = s.key;
        buttons.forEach((other, j) => { other.setAttribute('aria-pressed', String(other === b)); panels[j].hidden = other !== b; });
      });
      return b;
    });
    const tabs = el('div', { class: 'row detail-tabs', role: 'group', 'aria-label': t('mix.detailSections'), hidden: sections.length < 2 }, ...buttons);
    detailBody.replaceChildren(tabs, ...panels);
  }
  function select(button, title, build) {
    const closing = button.getAttribute('aria-pressed') === 'true';
    nameButtons.forEach((b) => b.setAttribute('aria-pressed', 'false'));
    detailBody.replaceChildren();
    detail.dataset.strip = '';
    detailTitle.textContent = t('mix.detail');
    if (closing) return;
    button.setAttribute('aria-pressed', 'true');
    detail.dataset.strip = button.dataset.strip;
    detailTitle.textContent = t('mix.detailOf', { strip: title });
    showSections(build());
    detail.scrollIntoView({ block: 'nearest' });
  }
  function nameButton(key, title, build) {
    const b = el('button', { type: 'button', class: 'strip-name', 'data-strip': key, 'aria-pressed': 'false', 'aria-controls': 'strip-detail',
      title: t('mix.openDetail', { strip: title }) }, title);
    b.addEventListener('click', () => select(b, title, build));
    nameButtons.push(b);
    return b;
  }
  detailTitle.textContent = t('mix.detail');

  for (const track of shown.strips) {
    const s = mix.tracks[track.key] || (mix.tracks[track.key] = {});
    const title = `${track.number} · ${track.name}`;
    const mute = el('button', { type: 'button', class: 'mute', 'aria-pressed': String(!!s.mute), 'aria-label': t('mix.muteTrack', { track: track.name }) }, t('mix.mute'));
    const solo = el('button', { type: 'button', class: 'solo', 'aria-pressed': String(!!s.solo), 'aria-label': t('mix.soloTrack', { track: track.name }) }, t('mix.solo'));
    mute.addEventListener('click', () => { s.mute = !s.mute; mute.setAttribute('aria-pressed', String(s.mute)); changed(); });
    solo.addEventListener('click', () => { s.solo = !s.solo; solo.setAttribute('aria-pressed', String(s.solo)); changed(); });
    const stripMeter = meter(`strip-meter-${track.number}`, t('mix.stripMeter', { track: track.name }), true);
    stripMeter.engineIndex = track.meter;
    stripMeters.push(stripMeter);
    const level = fader({ id: `fader-${track.number}`, label: t('mix.faderOf', { track: track.name }), level: s.fader_db ?? 0,
      onLevel: (v) => { s.fader_db = v; changed(); } });
    const pan = knob(`pan-${track.number}`, { min: -1, max: 1, step: 0.01, home: 0, label: t('mix.panOf', { track: track.name }), words: panWords },
      s.pan ?? 0, (v) => { s.pan = v; changed(); });
    strips.append(el('div', { class: 'strip', 'data-track': String(track.number) },
      nameButton(`track-${track.number}`, title, () => trackDetail(s, changed)),
      el('div', { class: 'strip-body' }, level.node, stripMeter.node),
      level.readout,
      el('div', { class: 'row' }, mute, solo),
      pan));
  }
  for (const [bus, titleKey, build] of [['reverb', 'mix.reverb', reverbDetail], ['delay', 'mix.delay', delayDetail]]) {
    const b = mix[bus] || (mix[bus] = {});
    const level = fader({ id: `return-${bus}`, label: t('mix.returnOf', { bus: t(titleKey) }), level: b.return_db ?? 0, maxDb: SEND_MAX_DB,
      onLevel: (v) => { b.return_db = v; changed(); } });
    strips.append(el('div', { class: 'strip bus', 'data-bus': bus },
      nameButton(bus, t(titleKey), () => build(mix, changed)),
      el('div', { class: 'strip-body' }, level.node),
      level.readout));
  }
  for (const [i, side] of [[0, 'mix.masterLeft'], [1, 'mix.masterRight']]) masterStripMeters[i] = meter(`master-strip-${i ? 'right' : 'left'}`, t(side), true);
  strips.append(el('div', { class: 'strip master', 'data-bus': 'master' },
    nameButton('master', t('mix.master'), () => masterDetail(master, masterChanged)),
    el('div', { class: 'strip-body' }, masterStripMeters[0].node, masterStripMeters[1].node)));
  api.get('/api/playback').then(showPlayback).catch(() => {});

  return () => {
    offPlayback();
    if (saveTimer) { clearTimeout(saveTimer); save(); }
    if (masterTimer) { clearTimeout(masterTimer); saveMaster(); }
    if (listening) listening.stop();
  };
}
