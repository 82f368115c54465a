// Small DOM helpers shared by the pages (no framework: the panel is served as written).
import { t, number, languages, languageNames, lang, choose } from './i18n.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'style') Object.assign(node.style, v); // through the CSSOM: the CSP allows no style attributes
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clock(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) seconds = 0;
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function hoursMinutes(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  const m = Math.floor(seconds / 60);
  return m >= 60 ? t('unit.hoursMinutes', { h: number(Math.floor(m / 60)), m: number(m % 60) }) : t('unit.minutes', { m: number(m) });
}

let toastTimer = null;
/** A short message at the bottom; with an action (Undo) when given. */
export function toast(text, actionLabel, action, millis = 6000) {
  const box = document.getElementById('toast');
  const button = document.getElementById('toast-action');
  document.getElementById('toast-text').textContent = text;
  button.hidden = !actionLabel;
  button.textContent = actionLabel || '';
  button.onclick = actionLabel ? async () => { box.hidden = true; await action(); } : null;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, millis);
}

/** A plain sentence where a feature is not available, instead of a page that pretends. */
export function unavailable(container, sentence) {
  // In a card like any page's content, so a page that cannot work still shows where it would.
  container.append(el('section', { class: 'card' }, el('p', { class: 'notice', 'data-unavailable': 'true', text: sentence })));
}

/** The take the Mix, Master and Export pages work on (chosen on the Takes page). */
export function currentTakeId() {
  return sessionStorage.getItem('taperoom.take') || '';
}

export function setCurrentTakeId(id) {
  sessionStorage.setItem('taperoom.take', id);
}

/** One button per language, each named in itself; the chosen one pressed. Choosing reloads the panel. */
export function languageSwitch() {
  return languages.map((code) => el('button', { type: 'button', class: 'toggle', lang: code, 'data-lang': code,
    'aria-pressed': String(code === lang), onclick: () => { if (code !== lang) choose(code); } }, languageNames[code]));
}

/** A card title that names the take being worked on ("Mix · Friday rehearsal"); tests find it by data-take-name. */
export function takeTitle(what, name) {
  return el('h2', {}, `${what} · `, el('span', { class: 'take-name', 'data-take-name': '', text: name }));
}
