// The panel's words. Every string a user reads comes from a message file, panel/i18n/<lang>.properties
// (one `key = text` per line, `{name}` placeholders), so a page never holds a sentence of its own.
// The language is the browser's first one we have a file for, unless the user chose another
// (kept in localStorage under 'taperoom.lang'); English is complete and the fallback for a key a
// file lacks. Call `await ready` once before the first page shows; after that t() is synchronous.
export const languages = ['en', 'de'];
/** Each language named in itself, for the language switch (a German speaker looks for "Deutsch"). */
export const languageNames = { en: 'English', de: 'Deutsch' };

const fallback = new Map();
const chosen = new Map();
export let lang = 'en';

function parse(text) {
  const map = new Map();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    map.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim().replace(/\\n/g, '\n'));
  }
  return map;
}

async function fetchMessages(code) {
  const response = await fetch(`/i18n/${code}.properties`);
  if (!response.ok) throw new Error(`no messages for ${code}`);
  return parse(await response.text());
}

function preferred() {
  const stored = localStorage.getItem('taperoom.lang');
  if (languages.includes(stored)) return stored;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (languages.includes(code)) return code;
  }
  return 'en';
}

async function load(code) {
  if (fallback.size === 0) for (const [k, v] of await fetchMessages('en')) fallback.set(k, v);
  chosen.clear();
  if (code !== 'en') for (const [k, v] of await fetchMessages(code)) chosen.set(k, v);
  lang = code;
  document.documentElement.lang = code;
}

export const ready = load(preferred()).catch(() => {});

/** The text for a key in the chosen language, `{name}` replaced from params; the key itself when no file has it. */
export function t(key, params) {
  const text = chosen.get(key) ?? fallback.get(key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Switches the language for this browser and reloads the page so every view is drawn in it. */
export function choose(code) {
  if (!languages.includes(code)) return;
  localStorage.setItem('taperoom.lang', code);
  location.reload();
}

/**
 * Fills static markup: an element with data-i18n="key" gets t(key) as its text; data-i18n-label,
 * data-i18n-title and data-i18n-placeholder fill aria-label, title and placeholder.
 */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

/**
 * The text for a count: key.one or key.other (as the language's plural rules pick), with {count}
 * filled in the language's digits. Message files hold both forms of each such key.
 */
export function plural(key, count, params) {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { ...params, count: number(count) });
}

/** Numbers and dates in the chosen language's conventions. */
export function number(value, options) {
  return new Intl.NumberFormat(lang, options).format(value);
}

/** A figure with exactly `digits` decimals in the language's conventions ("-1.5" / "-1,5"). */
export function fixed(value, digits) {
  return number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function dateTime(value, options) {
  return new Intl.DateTimeFormat(lang, options || { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
