// The click's sound and level, chosen the same way on the Tuner page's metronome and on the Song
// page's pass cue. The appliance knows the sounds by these names (GET /api/metronome shows them).
import { t } from './i18n.js';
import { el } from './ui.js';

// Each key written out whole, so the message files' test sees it read.
const SOUND_WORDS = { beep: 'click.beep', wood: 'click.wood', stick: 'click.stick' };
/** Peak of the accent, dBFS; other beats sound 6 dB lower. */
const LEVELS_DB = [0, -6, -12, -18, -24, -30];

/** A select of the click's sounds with {@code value} chosen. */
export function soundSelect(id, value) {
  const select = el('select', { id, 'aria-label': t('click.sound') },
    Object.keys(SOUND_WORDS).map((s) => el('option', { value: s, text: t(SOUND_WORDS[s]) })));
  select.value = value;
  return select;
}

/** A select of the accent's level in dBFS with {@code value} (a number) chosen, or the nearest step. */
export function levelSelect(id, value) {
  const select = el('select', { id, 'aria-label': t('click.level') },
    LEVELS_DB.map((db) => el('option', { value: String(db), text: t('click.levelDb', { db }) })));
  chooseLevel(select, value);
  return select;
}

/** Chooses the step of {@code select} nearest to {@code value} dBFS (the API takes any level from -60 to 0). */
export function chooseLevel(select, value) {
  const nearest = LEVELS_DB.reduce((a, b) => (Math.abs(b - value) < Math.abs(a - value) ? b : a));
  select.value = String(nearest);
}
