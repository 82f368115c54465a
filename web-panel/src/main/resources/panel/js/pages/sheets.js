// Sheets: the song sheets (ChordPro) of songs and takes. A list; a sheet with chords over the
// words, transposed or with a capo on request (shown, stored only with "Save"); an editor for the
// ChordPro text; a stage view (large type on black, scrolling by itself, or section by section with
// the playhead while the sheet's song or take plays); and a print view (the print stylesheet: black
// on white, no controls). Hash: #sheets, #sheets/<song|take>/<id>[/stage].
import * as api from '../api.js';
import * as live from '../live.js';
import { t } from '../i18n.js';
import { el, toast, unavailable, currentTakeId } from '../ui.js';

// Each key written out whole, so the message files' test sees it read.
const KIND_WORDS = { verse: 'sheets.kind.verse', chorus: 'sheets.kind.chorus', bridge: 'sheets.kind.bridge', intro: 'sheets.kind.intro',
  outro: 'sheets.kind.outro', tab: 'sheets.kind.tab', grid: 'sheets.kind.grid', progression: 'sheets.kind.progression' };
const OWNER_WORDS = { song: 'sheets.owner.song', take: 'sheets.owner.take' };
/** Stage scrolling speeds, pixels a second: slow ballad to fast rocker. */
const SPEEDS = [10, 15, 20, 30, 40, 60, 80];

function route() {
  const [, owner, id, mode] = location.hash.replace(/^#/, '').split('/');
  return owner && id ? { owner, id: decodeURIComponent(id), mode: mode || 'view' } : null;
}

function sheetPath(owner, id) {
  return `/api/${owner === 'song' ? 'songs' : 'takes'}/${encodeURIComponent(id)}/sheet`;
}

export async function show(view) {
  const r = route();
  if (!r) return showList(view);
  return showSheet(view, r);
}

async function showList(view) {
  let sheets;
  try {
    sheets = await api.get('/api/sheets');
  } catch (e) {
    unavailable(view, t('sheets.unavailable', { reason: e.message }));
    return null;
  }
  const list = el('div', { id: 'sheet-list' });
  for (const s of sheets) {
    const label = s.hasSheet ? (s.title || s.name) : s.name;
    const detail = s.hasSheet ? [(OWNER_WORDS[s.owner] ? t(OWNER_WORDS[s.owner]) : s.owner), s.key ? t('sheets.keyIs', { key: s.key }) : null].filter(Boolean).join(' · ')
      : t('sheets.noSheetYet');
    const a = el('a', { class: 'button take', href: `#sheets/${s.owner}/${encodeURIComponent(s.id)}`, 'data-sheet': `${s.owner}/${s.id}` },
      el('span', { class: 'sheet-name', text: label }), el('span', { class: 'muted', text: detail }));
    list.append(a);
  }
  if (sheets.length === 0) list.append(el('p', { class: 'muted', text: t('sheets.none') }));
  const take = currentTakeId();
  const forTake = take && !sheets.some((s) => s.owner === 'take' && s.id === take)
    ? el('a', { class: 'button', id: 'sheet-for-take', href: `#sheets/take/${encodeURIComponent(take)}` }, t('sheets.forTake')) : null;
  view.append(el('section', { class: 'card' }, el('h1', { text: t('sheets.title') }), list, forTake));
  return null;
}

/** One line of a sheet: each segment a chord above its words, so chords stay over the syllable they belong to. */
function lyricLine(segments) {
  const line = el('div', { class: 'sheet-line' });
  for (const s of segments) {
    line.append(el('span', { class: 'sheet-seg' },
      el('span', { class: 'sheet-chord', text: s.chord || '\u00a0' }),
      el('span', { class: 'sheet-text', text: s.text || '\u00a0' })));
  }
  return line;
}

function sectionTitle(section) {
  if (section.label) return section.label;
  return KIND_WORDS[section.kind] ? t(KIND_WORDS[section.kind]) : '';
}

function renderBody(doc) {
  const body = el('div', { class: 'sheet-body', id: 'sheet-body' });
  for (const s of doc.sections) {
    const title = sectionTitle(s);
    body.append(el('section', { class: `sheet-section kind-${s.kind}`, 'data-kind': s.kind },
      title ? el('h2', { class: 'sheet-section-title', text: title }) : null,
      s.lines.map(lyricLine)));
  }
  if (doc.notes.length) body.append(el('section', { class: 'sheet-notes' }, el('h2', { text: t('sheets.notes') }), doc.notes.map((n) => el('p', { text: n }))));
  return body;
}

function headLine(doc) {
  const parts = [];
  if (doc.key) parts.push(t('sheets.keyIs', { key: doc.key }));
  if (doc.tempoBpm) parts.push(t('sheets.tempoIs', { bpm: doc.tempoBpm }));
  if (doc.time) parts.push(t('sheets.timeIs', { time: doc.time }));
  if (doc.capo) parts.push(t('sheets.capoIs', { fret: doc.capo }));
  return el('p', { class: 'sheet-head', id: 'sheet-head', text: parts.join(' · ') });
}

async function showSheet(view, r) {
  let transpose = 0;
  let capo = null;
  let doc = null;
  const path = sheetPath(r.owner, r.id);
  const content = el('div', { id: 'sheet-content' });
  const transposeValue = el('output', { id: 'sheet-transpose', 'aria-live': 'polite' }, '0');
  const capoValue = el('output', { id: 'sheet-capo', 'aria-live': 'polite' }, '0');
  const button = (id, text, label, onClick) => el('button', { type: 'button', id, 'aria-label': label, onclick: onClick }, text);
  // The sheet as shown (transposed or not) as a ChordPro file, made in the browser.
  const download = el('a', { class: 'button', id: 'sheet-download' }, t('sheets.download'));
  let downloadUrl = null;
  const saveMoved = button('sheet-save-moved', t('sheets.saveMoved'), null, () => save(doc.chordPro));
  saveMoved.hidden = true;
  const tools = el('div', { class: 'row sheet-tools no-print' },
    el('a', { class: 'button', href: '#sheets', id: 'sheet-back' }, t('sheets.back')),
    el('span', { class: 'sheet-stepper' }, el('span', { class: 'muted', text: t('sheets.transpose') }),
      button('sheet-down', '−', t('sheets.down'), () => move(-1, 0)), transposeValue, button('sheet-up', '+', t('sheets.up'), () => move(1, 0))),
    el('span', { class: 'sheet-stepper' }, el('span', { class: 'muted', text: t('sheets.capo') }),
      button('sheet-capo-down', '−', t('sheets.capoDown'), () => move(0, -1)), capoValue, button('sheet-capo-up', '+', t('sheets.capoUp'), () => move(0, 1))),
    saveMoved,
    button('sheet-stage', t('sheets.stage'), null, () => { location.hash = `#sheets/${r.owner}/${encodeURIComponent(r.id)}/stage`; }),
    button('sheet-print', t('sheets.print'), null, () => window.print()),
    download,
    button('sheet-edit', t('sheets.edit'), null, () => edit()));
  const card = el('section', { class: 'card sheet' });
  const detected = el('p', { id: 'sheet-detected', 'aria-live': 'polite' });
  const useDetected = el('button', { type: 'button', id: 'sheet-use-detected', class: 'primary' }, t('sheets.useDetected'));
  useDetected.hidden = true;
  let found = null;
  const detect = el('div', { class: 'row sheet-detect no-print' },
    button('sheet-detect', t('sheets.detect'), null, () => listen()), detected, useDetected);
  view.append(card);

  async function load() {
    const q = new URLSearchParams();
    if (transpose) q.set('transpose', String(transpose));
    if (capo !== null) q.set('capo', String(capo));
    try {
      doc = await api.get(`${path}${q.size ? `?${q}` : ''}`);
    } catch (e) {
      if (e.status === 404 && !doc) { edit(`{title: ${r.id}}\n`); return; }
      throw e;
    }
    if (capo === null) capo = doc.capo;
    transposeValue.textContent = transpose > 0 ? `+${transpose}` : String(transpose).replace('-', '−');
    capoValue.textContent = String(capo);
    saveMoved.hidden = transpose === 0 && capo === (doc.capo ?? 0);
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([doc.chordPro], { type: 'text/plain;charset=utf-8' }));
    download.href = downloadUrl;
    download.download = `${doc.title || r.id}.cho`;
    draw();
  }

  function draw() {
    content.replaceChildren(...[
      el('h1', { class: 'sheet-title', id: 'sheet-title', text: doc.title || r.id }),
      doc.subtitle ? el('p', { class: 'sheet-subtitle', text: doc.subtitle }) : null,
      headLine(doc),
      renderBody(doc)].filter(Boolean));
    card.replaceChildren(tools, detect, content);
  }

  // What the analysis finds in the recording, offered to the sheet: one tap puts it there.
  async function listen() {
    useDetected.hidden = true;
    detected.textContent = t('sheets.detecting');
    try {
      found = await api.get(`${path}/detect`);
    } catch (e) { detected.textContent = ''; toast(e.message); return; }
    const parts = [];
    if (found.tempoBpm) parts.push(t('sheets.tempoIs', { bpm: found.tempoBpm }));
    if (found.key) parts.push(t('sheets.keyIs', { key: found.key }));
    if (found.timeSignature) parts.push(t('sheets.timeIs', { time: found.timeSignature }));
    if (found.progression.length) parts.push(found.progression.join(' '));
    detected.textContent = parts.length ? t('sheets.detected', { what: parts.join(' · ') }) : t('sheets.nothingDetected');
    useDetected.hidden = parts.length === 0;
  }
  useDetected.addEventListener('click', async () => {
    try {
      doc = await api.post(`${path}/detected`, { tempoBpm: found.tempoBpm, timeSignature: found.timeSignature, key: found.key, progression: found.progression });
      transpose = 0;
      capo = null;
      useDetected.hidden = true;
      detected.textContent = '';
      await load();
      toast(t('sheets.saved'));
    } catch (e) { toast(e.message); }
  });

  async function move(semitones, frets) {
    const nextT = Math.max(-11, Math.min(11, transpose + semitones));
    const nextC = Math.max(0, Math.min(11, (capo ?? 0) + frets));
    if (nextT === transpose && nextC === capo) return;
    transpose = nextT;
    capo = nextC;
    try { await load(); } catch (e) { toast(e.message); }
  }

  async function save(text) {
    try {
      doc = await api.put(path, { chordPro: text });
      transpose = 0;
      capo = null;
      await load();
      toast(t('sheets.saved'));
      return true;
    } catch (e) {
      toast(e.message);
      return false;
    }
  }

  function edit(initial) {
    const area = el('textarea', { id: 'sheet-text', rows: '16', spellcheck: 'false', 'aria-label': t('sheets.textLabel') });
    area.value = initial ?? doc.chordPro;
    const error = el('p', { class: 'error', id: 'sheet-error', role: 'alert' });
    // A ChordPro file from this device fills the editor; Save stores it.
    const file = el('input', { type: 'file', id: 'sheet-file', accept: '.cho,.crd,.chopro,.chordpro,.pro,.txt,text/plain' });
    file.addEventListener('change', async () => {
      if (!file.files.length) return;
      try { area.value = await file.files[0].text(); } catch (e) { error.textContent = e.message; }
    });
    const saveButton = el('button', { type: 'button', class: 'primary', id: 'sheet-save' }, t('sheets.save'));
    const cancel = el('button', { type: 'button', id: 'sheet-cancel' }, t('sheets.cancel'));
    saveButton.addEventListener('click', async () => {
      try {
        doc = await api.put(path, { chordPro: area.value });
        transpose = 0;
        capo = null;
        await load();
      } catch (e) { error.textContent = e.message; }
    });
    cancel.addEventListener('click', () => { if (doc) draw(); else location.hash = '#sheets'; });
    card.replaceChildren(el('h1', { text: t('sheets.editTitle') }), detect, el('p', { class: 'muted', text: t('sheets.editHelp') }),
      el('div', { class: 'row' }, el('label', { for: 'sheet-file', text: t('sheets.openFile') }), file), area, error,
      el('div', { class: 'row' }, saveButton, cancel));
  }

  if (r.mode === 'stage') return showStage(view, card, path, r);
  try { await load(); } catch (e) { unavailable(view, t('sheets.unavailable', { reason: e.message })); }
  return null;
}

/**
 * The stage view: the sheet alone in large type on black. While the sheet's own song or take plays,
 * it shows the section the playhead is in (each section's start time is in the sheet: see
 * {x_taperoom_at}); "… starts now" dates the next section at the playhead, to tap along once.
 * Otherwise it scrolls at a chosen speed; tap to pause.
 */
async function showStage(view, card, path, r) {
  card.remove();
  let doc;
  try { doc = await api.get(path); } catch (e) { unavailable(view, t('sheets.unavailable', { reason: e.message })); return null; }
  document.body.classList.add('stage-mode');
  let speed = 2;
  let running = false;
  const body = renderBody(doc);
  const scroller = el('div', { class: 'stage-scroll', id: 'stage-scroll', tabindex: '0' },
    el('h1', { class: 'sheet-title', text: doc.title || r.id }), headLine(doc), body, el('div', { class: 'stage-end' }));
  const play = el('button', { type: 'button', id: 'stage-play', class: 'primary', 'aria-pressed': 'false' }, t('sheets.scroll'));
  const speedOut = el('output', { id: 'stage-speed' }, '');
  const slower = el('button', { type: 'button', id: 'stage-slower', 'aria-label': t('sheets.slower') }, '−');
  const faster = el('button', { type: 'button', id: 'stage-faster', 'aria-label': t('sheets.faster') }, '+');
  const exit = el('a', { class: 'button', id: 'stage-exit', href: `#sheets/${r.owner}/${encodeURIComponent(r.id)}` }, t('sheets.exitStage'));
  const now = el('output', { id: 'stage-now', 'aria-live': 'polite' }, '');
  const mark = el('button', { type: 'button', id: 'stage-mark' }, '');
  mark.hidden = true;
  const bar = el('div', { class: 'stage-bar row' }, exit, play, slower, speedOut, faster, mark, now);
  const stage = el('div', { class: 'stage', id: 'stage', role: 'region', 'aria-label': t('sheets.stage') }, scroller, bar);
  view.append(stage);

  function showSpeed() { speedOut.textContent = t('sheets.speed', { n: speed + 1 }); }
  showSpeed();
  let last = 0;
  let carry = 0;
  let frame = 0;
  function step(time) {
    if (!running) return;
    if (last) {
      carry += (SPEEDS[speed] * (time - last)) / 1000;
      const whole = Math.floor(carry);
      if (whole > 0) { scroller.scrollTop += whole; carry -= whole; }
    }
    last = time;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) { setRunning(false); return; }
    frame = requestAnimationFrame(step);
  }
  function setRunning(on) {
    running = on;
    play.setAttribute('aria-pressed', String(on));
    play.textContent = on ? t('sheets.pause') : t('sheets.scroll');
    last = 0;
    cancelAnimationFrame(frame);
    if (on) frame = requestAnimationFrame(step);
  }
  play.addEventListener('click', () => setRunning(!running));
  scroller.addEventListener('click', () => setRunning(!running));
  slower.addEventListener('click', () => { speed = Math.max(0, speed - 1); showSpeed(); });
  faster.addEventListener('click', () => { speed = Math.min(SPEEDS.length - 1, speed + 1); showSpeed(); });

  // Following the playhead. The section elements are the doc's sections, in order.
  const sectionEls = [...body.querySelectorAll('.sheet-section')];
  let starts = doc.sections.map((s) => s.startSeconds);
  let shown = -1;
  /** Seconds into the sheet's song or take while it plays; null while something else (or nothing) plays. */
  let position = null;
  const name = (i) => sectionTitle(doc.sections[i]) || t('sheets.sectionNumber', { n: i + 1 });
  /** The dated section that started last at or before {@code seconds}, or -1. */
  function sectionAt(seconds) {
    let at = -1;
    starts.forEach((s, i) => { if (s !== null && s <= seconds && (at < 0 || s >= starts[at])) at = i; });
    return at;
  }
  function showSection(i) {
    if (i === shown) return;
    shown = i;
    sectionEls.forEach((e, k) => { if (k === i) e.setAttribute('aria-current', 'true'); else e.removeAttribute('aria-current'); });
    if (i < 0) { now.textContent = ''; return; }
    now.textContent = t('sheets.nowSection', { section: name(i) });
    scroller.scrollTop += sectionEls[i].getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  }
  function showMark() {
    const next = shown + 1;
    mark.hidden = position === null || next >= sectionEls.length;
    if (!mark.hidden) mark.textContent = t('sheets.startsNow', { section: name(next) });
  }
  function onPlayback(msg) {
    const mine = (r.owner === 'song' ? msg.song : msg.take) === r.id;
    position = mine && msg.playing && typeof msg.positionSeconds === 'number' ? msg.positionSeconds : null;
    if (position !== null) {
      const i = sectionAt(position);
      if (i >= 0 && running) setRunning(false); // the playhead leads now, not the speed
      if (i >= 0) showSection(i);
    }
    showMark();
  }
  mark.addEventListener('click', async () => {
    if (position === null) return;
    const next = shown + 1;
    try {
      const changed = await api.patch(`${path}/sections/${next + 1}`, { startSeconds: Math.round(position * 1000) / 1000 });
      starts = changed.sections.map((s) => s.startSeconds);
      showSection(next);
      showMark();
    } catch (e) { toast(e.message); }
  });
  const off = live.on('playback', onPlayback);
  // Not awaited: the router keeps this page's leave function only once show() returns, and Exit
  // tapped before a slow answer arrived would otherwise leave the panel's bar hidden.
  api.get('/api/playback').then(onPlayback, () => { /* the live messages still come */ });
  return () => {
    off();
    setRunning(false);
    document.body.classList.remove('stage-mode');
  };
}
