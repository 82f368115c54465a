// The selected strip's detail view: every parameter the settings API has for a track (trim,
// polarity, high-pass, the four EQ bands, the compressor, the sends), for the reverb and delay
// buses, and for the master's EQ and glue compressor. Keys and ranges are the API's
// (appliance dsp/settings: TrackSettings, EqSettings, Band, CompressorSettings, ReverbSettings,
// DelaySettings, MasterSettings); the defaults shown for a key the document leaves out are the
// API's defaults for it. Each builder returns the view's sections ({key, label, nodes}: a desk's
// pages of a channel: input, EQ, dynamics, sends), mutates the document object it is given and
// calls {@code changed} after every move.
import { t } from '../i18n.js';
import { el } from '../ui.js';
import { knob, toggle, choice, FADER_OFF_DB } from './controls.js';

const FLAT_EQ = {
  high_pass: { on: false, frequency_hz: 80, q: 0.707 },
  low_shelf: { frequency_hz: 100, gain_db: 0, q: 0.707 },
  peak_1: { frequency_hz: 400, gain_db: 0, q: 1.0 },
  peak_2: { frequency_hz: 2500, gain_db: 0, q: 1.0 },
  high_shelf: { frequency_hz: 8000, gain_db: 0, q: 0.707 },
};
export const TRACK_COMPRESSOR = { on: false, threshold_db: -18, ratio: 3, knee_db: 6, attack_ms: 10, release_ms: 120, makeup_db: 0, detection: 'rms' };
export const GLUE_COMPRESSOR = { on: false, threshold_db: -12, ratio: 2, knee_db: 6, attack_ms: 30, release_ms: 200, makeup_db: 0, detection: 'rms' };
const REVERB = { return_db: 0, pre_delay_ms: 20, size: 0.7, damping: 0.4, width: 1.0 };
const DELAY = { return_db: 0, time_ms: 375, feedback: 0.35, damping: 0.3 };
const TEMPO_BPM = 120;
const DELAY_SYNCS = ['1/1', '1/2', '1/2d', '1/2t', '1/4', '1/4d', '1/4t', '1/8', '1/8d', '1/8t', '1/16', '1/16d', '1/16t', '1/32'];

const FREQUENCY = { min: 10, max: 20000, log: true, unit: 'mix.hz', digits: 0 };
const Q = { min: 0.1, max: 18, log: true, unit: 'mix.plain', digits: 2 };
const EQ_GAIN = { min: -24, max: 24, step: 0.5, home: 0, unit: 'mix.db' };
const SEND = { min: FADER_OFF_DB, max: 6, step: 0.5, home: 0, unit: 'mix.db', off: true };

function group(titleKey, ...controls) {
  return el('fieldset', { class: 'detail-group' }, el('legend', { text: t(titleKey) }), ...controls);
}

/**
 * The sub-object {@code doc[key]}, kept (other controls hold it) and given the API's defaults for
 * the keys it lacks.
 */
function part(doc, key, defaults) {
  const o = doc[key] || (doc[key] = {});
  for (const [k, v] of Object.entries(defaults)) if (o[k] === undefined) o[k] = v;
  return o;
}

function eqGroups(eqDoc, prefix, changed) {
  const band = (key) => part(eqDoc, key, FLAT_EQ[key]);
  const id = (key, field) => `${prefix}-${key}-${field}`;
  const set = (b, field) => (v) => { b[field] = v; changed(); };
  const hp = band('high_pass');
  const groups = [group('mix.highPass',
    toggle(id('high_pass', 'on'), t('mix.highPassOn'), hp.on, set(hp, 'on')),
    knob(id('high_pass', 'frequency_hz'), { ...FREQUENCY, label: t('mix.frequency') }, hp.frequency_hz, set(hp, 'frequency_hz')),
    knob(id('high_pass', 'q'), { ...Q, label: t('mix.q') }, hp.q, set(hp, 'q')))];
  for (const [key, titleKey] of [['low_shelf', 'mix.low'], ['peak_1', 'mix.mid1'], ['peak_2', 'mix.mid2'], ['high_shelf', 'mix.high']]) {
    const b = band(key);
    groups.push(group(titleKey,
      knob(id(key, 'gain_db'), { ...EQ_GAIN, label: t('mix.gain') }, b.gain_db, set(b, 'gain_db')),
      knob(id(key, 'frequency_hz'), { ...FREQUENCY, label: t('mix.frequency') }, b.frequency_hz, set(b, 'frequency_hz')),
      knob(id(key, 'q'), { ...Q, label: t('mix.q') }, b.q, set(b, 'q'))));
  }
  return groups;
}

function compressorGroup(c, prefix, titleKey, changed) {
  const set = (field) => (v) => { c[field] = v; changed(); };
  const id = (field) => `${prefix}-${field}`;
  return group(titleKey,
    toggle(id('on'), t('mix.compressorOn'), c.on, set('on')),
    knob(id('threshold_db'), { min: -60, max: 0, step: 1, unit: 'mix.db', label: t('mix.compThreshold') }, c.threshold_db, set('threshold_db')),
    knob(id('ratio'), { min: 1, max: 20, log: true, unit: 'mix.ratio', label: t('mix.compRatio') }, c.ratio, set('ratio')),
    knob(id('knee_db'), { min: 0, max: 24, step: 0.5, unit: 'mix.db', label: t('mix.knee') }, c.knee_db, set('knee_db')),
    knob(id('attack_ms'), { min: 0.1, max: 500, log: true, unit: 'mix.ms', label: t('mix.attack') }, c.attack_ms, set('attack_ms')),
    knob(id('release_ms'), { min: 5, max: 5000, log: true, unit: 'mix.ms', digits: 0, label: t('mix.release') }, c.release_ms, set('release_ms')),
    knob(id('makeup_db'), { min: -12, max: 24, step: 0.5, home: 0, unit: 'mix.db', label: t('mix.makeup') }, c.makeup_db, set('makeup_db')),
    choice(id('detection'), t('mix.detection'), c.detection, [['rms', t('mix.detectionRms')], ['peak', t('mix.detectionPeak')]], set('detection')));
}

function section(key, labelKey, ...nodes) {
  return { key, label: t(labelKey), nodes };
}

/** A track's strip: trim, polarity, high-pass, EQ, compressor, sends. {@code s} is its mix.tracks entry. */
export function trackDetail(s, changed) {
  const set = (field) => (v) => { s[field] = v; changed(); };
  const [highPass, ...bands] = eqGroups(part(s, 'eq', {}), 'detail', changed);
  const compressor = part(s, 'compressor', TRACK_COMPRESSOR);
  return [
    section('input', 'mix.tabInput',
      group('mix.input',
        knob('detail-trim_db', { min: -24, max: 24, step: 0.5, home: 0, unit: 'mix.db', label: t('mix.trim') }, s.trim_db ?? 0, set('trim_db')),
        toggle('detail-polarity_inverted', t('mix.polarity'), s.polarity_inverted, set('polarity_inverted'))),
      highPass),
    section('eq', 'mix.tabEq', ...bands),
    section('compressor', 'mix.compressor', compressorGroup(compressor, 'detail-compressor', 'mix.compressor', changed)),
    section('sends', 'mix.sends', group('mix.sends',
      knob('detail-reverb_send_db', { ...SEND, label: t('mix.reverbSend') }, s.reverb_send_db ?? '-inf', set('reverb_send_db')),
      knob('detail-delay_send_db', { ...SEND, label: t('mix.delaySend') }, s.delay_send_db ?? '-inf', set('delay_send_db')))),
  ];
}

/** The reverb bus: its return and the room. */
export function reverbDetail(mix, changed) {
  const r = part(mix, 'reverb', REVERB);
  const set = (field) => (v) => { r[field] = v; changed(); };
  const unit = { min: 0, max: 1, step: 0.01, unit: 'mix.plain', digits: 2 };
  return [section('reverb', 'mix.reverb', group('mix.reverb',
    knob('detail-reverb-return_db', { ...SEND, label: t('mix.return') }, r.return_db, set('return_db')),
    knob('detail-reverb-pre_delay_ms', { min: 0, max: 250, step: 1, unit: 'mix.ms', digits: 0, label: t('mix.preDelay') }, r.pre_delay_ms, set('pre_delay_ms')),
    knob('detail-reverb-size', { ...unit, label: t('mix.size') }, r.size, set('size')),
    knob('detail-reverb-damping', { ...unit, label: t('mix.damping') }, r.damping, set('damping')),
    knob('detail-reverb-width', { ...unit, label: t('mix.width') }, r.width, set('width'))))];
}

/** The delay bus: its return, a free time or a note value of the session tempo, feedback. */
export function delayDetail(mix, changed) {
  // The API writes time_ms or sync, never both; a free time is the default.
  const d = mix.delay || (mix.delay = { ...DELAY });
  const set = (field) => (v) => { d[field] = v; changed(); };
  const time = knob('detail-delay-time_ms', { min: 1, max: 2000, log: true, unit: 'mix.ms', digits: 0, label: t('mix.delayTime') },
    d.time_ms ?? DELAY.time_ms, (v) => { d.time_ms = v; changed(); });
  time.hidden = !!d.sync;
  const sync = choice('detail-delay-sync', t('mix.delaySync'), d.sync || '', [['', t('mix.delayFree')], ...DELAY_SYNCS.map((s) => [s, s])], (v) => {
    if (v) { d.sync = v; delete d.time_ms; } else { delete d.sync; d.time_ms = DELAY.time_ms; }
    time.hidden = !!v;
    changed();
  });
  return [section('delay', 'mix.delay', group('mix.delay',
    knob('detail-delay-return_db', { ...SEND, label: t('mix.return') }, d.return_db ?? DELAY.return_db, set('return_db')),
    sync, time,
    knob('detail-tempo_bpm', { min: 20, max: 300, step: 1, unit: 'mix.bpm', digits: 0, label: t('mix.tempo') }, mix.tempo_bpm ?? TEMPO_BPM,
      (v) => { mix.tempo_bpm = v; changed(); }),
    knob('detail-delay-feedback', { min: 0, max: 0.95, step: 0.01, unit: 'mix.plain', digits: 2, label: t('mix.feedback') }, d.feedback ?? DELAY.feedback, set('feedback')),
    knob('detail-delay-damping', { min: 0, max: 1, step: 0.01, unit: 'mix.plain', digits: 2, label: t('mix.damping') }, d.damping ?? DELAY.damping, set('damping'))))];
}

/** The master bus's EQ and glue compressor (its target, ceiling and limiter stay on the Master page). */
export function masterDetail(master, changed) {
  const eq = part(master, 'eq', {});
  const glue = part(master, 'glue', GLUE_COMPRESSOR);
  return [section('eq', 'mix.tabEq', ...eqGroups(eq, 'master', changed)),
    section('glue', 'mix.glue', compressorGroup(glue, 'master-glue', 'mix.glue', changed))];
}
