// The mixer's controls, each a native range input (so the keyboard, screen readers and touch work
// as for any slider) with its value in words beside it and in aria-valuetext:
// - the fader: vertical, with a dB scale, a 0 dB detent for a pointer drag, double-tap to 0 dB;
// - parameter sliders (linear or logarithmic, as frequencies and times are heard), double-tap
//   back to their home value (pan centre, EQ gain 0 dB);
// - toggles and choices.
// A control only ever produces values inside the range it was given, which is the API's, so a
// value out of range cannot be sent from the page.
import { t, fixed } from '../i18n.js';
import { el } from '../ui.js';

export const FADER_OFF_DB = -60; // the fader's bottom, "-inf" in the mix document
export const FADER_MAX_DB = 12;
/** A pointer drag ending within this many dB of 0 dB lands on 0 dB (the keyboard steps through it). */
export const DETENT_DB = 0.75;
const FADER_SCALE_DB = [12, 6, 0, -6, -12, -20, -30, -40, -60];
const DOUBLE_TAP_MILLIS = 350;
const DOUBLE_TAP_SLOP_PX = 24;
const LOG_STEPS = 1000;

/**
 * Calls {@code reset} after a double tap or double click on {@code node}, once the browser's own
 * handling of the second tap (a range input moves its thumb to the tap) is over.
 */
export function onDoubleTap(node, reset) {
  let last = null;
  let armed = false;
  node.addEventListener('pointerdown', (e) => {
    armed = !!last && e.timeStamp - last.time < DOUBLE_TAP_MILLIS && Math.hypot(e.clientX - last.x, e.clientY - last.y) < DOUBLE_TAP_SLOP_PX;
    last = armed ? null : { time: e.timeStamp, x: e.clientX, y: e.clientY };
  });
  node.addEventListener('pointerup', () => {
    if (!armed) return;
    armed = false;
    setTimeout(reset, 0);
  });
}

/** Whether a pointer is pressing {@code node} now (its drags, not its keyboard steps, meet detents). */
function pointerPressing(node) {
  let pressing = false;
  node.addEventListener('pointerdown', () => { pressing = true; });
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) node.addEventListener(type, () => { pressing = false; });
  return () => pressing;
}

export function levelText(db) {
  return db <= FADER_OFF_DB ? t('mix.off') : t('mix.db', { value: `${db > 0 ? '+' : ''}${fixed(db, 1)}` });
}

/**
 * The vertical fader of a strip: {@code level} is the document's level (a number in dB or
 * "-inf", at most {@code maxDb}); {@code onLevel} gets the new one on every move.
 */
export function fader({ id, label, level, onLevel, maxDb = FADER_MAX_DB }) {
  const toSlider = (v) => (v === '-inf' || v <= FADER_OFF_DB ? FADER_OFF_DB : Math.min(maxDb, v));
  const input = el('input', { type: 'range', class: 'fader', id, min: String(FADER_OFF_DB), max: String(maxDb), step: '0.1',
    value: String(toSlider(level)), 'aria-label': label });
  const readout = el('output', { class: 'fader-db', for: id });
  const pressing = pointerPressing(input);
  // A drag within the detent is heard as 0 dB at once; the thumb is put on 0 dB when let go
  // (setting a range input's value while it is dragged would end the drag).
  let inDetent = false;
  const levelDb = () => (inDetent ? 0 : Number(input.value));
  const show = () => {
    readout.textContent = levelText(levelDb());
    input.setAttribute('aria-valuetext', levelText(levelDb()));
  };
  const emit = () => { show(); onLevel(levelDb() <= FADER_OFF_DB ? '-inf' : levelDb()); };
  input.addEventListener('input', () => {
    inDetent = pressing() && Math.abs(Number(input.value)) < DETENT_DB;
    emit();
  });
  input.addEventListener('change', () => {
    if (!inDetent) return;
    input.value = '0';
    inDetent = false;
    show();
  });
  onDoubleTap(input, () => { inDetent = false; input.value = '0'; emit(); });
  show();
  const span = maxDb - FADER_OFF_DB;
  const scale = el('div', { class: 'fader-scale', 'aria-hidden': 'true' },
    ...FADER_SCALE_DB.filter((db) => db <= maxDb).map((db) => {
      const mark = el('span', { text: db === FADER_OFF_DB ? '−∞' : db > 0 ? `+${db}` : String(db).replace('-', '−') });
      mark.style.top = `${((maxDb - db) / span) * 100}%`;
      if (db === 0) mark.className = 'unity';
      return mark;
    }));
  return { node: el('div', { class: 'fader-box' }, scale, input), readout, input };
}

/**
 * A parameter slider. {@code spec}: {label, min, max, step (linear) or log: true, home (the
 * double-tap value), unit (a message key taking {value}), digits, off (a level slider whose bottom
 * means "-inf"), words (a function giving the value in words, instead of unit)}. {@code value} is the document's; {@code onValue} gets each new one.
 */
export function knob(id, spec, value, onValue) {
  const { min, max, log = false, digits = 1 } = spec;
  const toPosition = (v) => (log ? Math.round((Math.log(v / min) / Math.log(max / min)) * LOG_STEPS) : v);
  const fromPosition = (p) => {
    if (!log) return Number(p);
    // Three significant figures, and never past either end (rounding could step over one).
    const v = Number((min * Math.pow(max / min, Number(p) / LOG_STEPS)).toPrecision(3));
    return Math.min(max, Math.max(min, v));
  };
  const start = spec.off && (value === '-inf' || value <= min) ? min : Math.min(max, Math.max(min, Number(value ?? spec.home)));
  const input = el('input', { type: 'range', id, min: String(log ? 0 : min), max: String(log ? LOG_STEPS : max),
    step: String(log ? 1 : spec.step), value: String(toPosition(start)), 'aria-label': spec.label });
  const readout = el('output', { class: 'muted', for: id });
  let current = start;
  const words = spec.words || ((v) => (spec.off && v <= min ? t('mix.off') : t(spec.unit || 'mix.plain', { value: fixed(v, digits) })));
  const show = () => {
    readout.textContent = words(current);
    input.setAttribute('aria-valuetext', words(current));
  };
  const emit = () => { show(); onValue(spec.off && current <= min ? '-inf' : current); };
  input.addEventListener('input', () => { current = fromPosition(input.value); emit(); });
  if (spec.home !== undefined) {
    onDoubleTap(input, () => { current = spec.home; input.value = String(toPosition(spec.home)); emit(); });
  }
  show();
  return el('div', { class: 'knob' }, el('label', { for: id }, spec.label, ' ', readout), input);
}

/** An on/off button whose state is said by aria-pressed and a mark, never by colour alone. */
export function toggle(id, label, on, onChange, attrs = {}) {
  const b = el('button', { type: 'button', id, class: 'toggle', 'aria-pressed': String(!!on), ...attrs }, label);
  b.addEventListener('click', () => {
    const now = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(now));
    onChange(now);
  });
  return b;
}

/** A choice among {@code options} ([value, words] pairs). */
export function choice(id, label, value, options, onChange) {
  const select = el('select', { id }, ...options.map(([v, words]) => el('option', { value: v, selected: v === value }, words)));
  select.addEventListener('change', () => onChange(select.value));
  return el('div', { class: 'knob' }, el('label', { for: id }, label), select);
}
