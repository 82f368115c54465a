// Settings: device (from the detected interfaces), channels, rate, bit depth, pre-roll,
// auto-record, the round-trip calibration (teachers), PIN, log out. What the API refuses is shown next to the field it names; what it
// applied at once is said; a restart is asked for only for what waits for one.
import * as api from '../api.js';
import { el, toast, languageSwitch } from '../ui.js';
import { t, number } from '../i18n.js';
import { largeType, setLargeType } from '../display.js';
import { calibrationCard } from '../calibration.js';
import { monitorCard } from '../monitor.js';

const LABELS = {
  device: 'settings.device',
  channels: 'settings.channels',
  rate: 'settings.rate',
  bits: 'settings.bits',
  preRollSeconds: 'settings.preRoll',
};
/** The field's name without its hint in brackets, for sentences that list fields. */
const NAMES = {
  device: 'settings.device',
  channels: 'settings.channels',
  rate: 'settings.rateName',
  bits: 'settings.bits',
  preRollSeconds: 'settings.preRollName',
};
const OTHER = '__other__';

/** The field's text as the API should judge it: a number when it reads as one, else the text itself (so it is refused, not saved as 0). */
function numberOrText(text) {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function names(keys) {
  return keys.map((k) => (NAMES[k] ? t(NAMES[k]) : k)).join(', ');
}

export async function show(view) {
  let s;
  let devices = [];
  try {
    s = await api.get('/api/settings');
    devices = await api.get('/api/settings/devices').catch(() => []);
  } catch (e) { toast(e.message); return null; }
  const input = (id, value, attrs = {}) => [el('label', { for: id, text: t(LABELS[id]) }), el('input', { id, value: String(value), ...attrs })];
  const select = (id, value, options) => [el('label', { for: id, text: t(LABELS[id]) }),
    el('select', { id }, options.map((o) => el('option', { value: String(o), text: String(o), selected: String(o) === String(value) })))];

  // The capture device: the interfaces found now with their inputs, the configured one even when
  // it is not plugged in, and "Other…" for a name typed by hand (an alsaConfig device).
  const known = devices.some((d) => d.name === s.device);
  const deviceSelect = el('select', { id: 'device' },
    devices.map((d) => el('option', { value: d.name, selected: d.name === s.device,
      text: `${d.name} · ${t('settings.inputCount', { count: d.minChannels === d.maxChannels ? d.maxChannels : `${d.minChannels}–${d.maxChannels}` })} · ${d.description}` })),
    known ? null : el('option', { value: s.device, selected: true, text: t('settings.deviceMissing', { name: s.device }) }),
    el('option', { value: OTHER, text: t('settings.deviceOther') }));
  const deviceOther = el('input', { id: 'device-other', type: 'text', maxlength: '120', hidden: true, 'aria-label': t('settings.deviceName'), placeholder: 'hw:CARD=…,DEV=0' });
  const channelsHint = el('p', { class: 'muted', id: 'channels-hint' });
  const showDevice = () => {
    deviceOther.hidden = deviceSelect.value !== OTHER;
    const d = devices.find((x) => x.name === deviceSelect.value);
    channelsHint.textContent = !d ? '' : d.minChannels === d.maxChannels
      ? t('settings.deviceHas', { name: d.name, count: number(d.maxChannels) })
      : t('settings.deviceHasRange', { name: d.name, min: number(d.minChannels), max: number(d.maxChannels) });
  };
  deviceSelect.addEventListener('change', showDevice);
  showDevice();

  const error = el('p', { id: 'settings-error', class: 'field-error', role: 'alert' });
  const resultLine = el('p', { id: 'settings-result', class: 'muted', role: 'status' });
  const restart = el('p', { id: 'restart-note', class: 'notice', hidden: true });
  const auto = el('button', { type: 'button', id: 'auto-record', class: 'toggle', 'aria-pressed': String(s.autoRecord) }, t('settings.autoRecord'));
  const showRestart = (doc) => {
    restart.hidden = doc.restartNeeded.length === 0;
    restart.textContent = restart.hidden ? '' : t(doc.persisted ? 'settings.restart' : 'settings.restartNotKept', { fields: names(doc.restartNeeded) });
  };
  showRestart(s);
  const save = el('button', { type: 'button', id: 'save-settings', class: 'primary' }, t('settings.save'));
  view.append(el('section', { class: 'card' }, el('h2', { text: t('settings.recording') }),
    el('label', { for: 'device', text: t(LABELS.device) }), deviceSelect, deviceOther, channelsHint,
    input('channels', s.channels, { type: 'text', inputmode: 'numeric', maxlength: '3' }),
    select('rate', s.rate, [44100, 48000, 88200, 96000, 176400, 192000]),
    select('bits', s.bits, ['16', '24', '32f']),
    input('preRollSeconds', s.preRollSeconds, { type: 'text', inputmode: 'decimal', maxlength: '6' }),
    error,
    el('div', { class: 'row' }, save, auto), resultLine, restart));
  const calibration = await calibrationCard();
  if (calibration) view.append(calibration);

  const fields = () => ['device', 'channels', 'rate', 'bits', 'preRollSeconds'].map((k) => document.getElementById(k));
  function showError(e) {
    // The API names the field first: "preRollSeconds: expected a number …".
    const m = /^(\w+): (.*)$/.exec(e.message);
    const key = m && LABELS[m[1]] ? m[1] : null;
    for (const f of fields()) f.removeAttribute('aria-invalid');
    if (key) {
      const field = document.getElementById(key);
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', 'settings-error');
      field.focus();
      error.textContent = `${t(LABELS[key])}: ${m[2]}`;
    } else {
      error.textContent = e.message;
    }
  }
  save.addEventListener('click', async () => {
    const v = (id) => document.getElementById(id).value;
    const device = deviceSelect.value === OTHER ? deviceOther.value.trim() : deviceSelect.value;
    error.textContent = '';
    resultLine.textContent = '';
    try {
      const doc = await api.patch('/api/settings', {
        device, channels: numberOrText(v('channels')), rate: Number(v('rate')), bits: v('bits'), preRollSeconds: numberOrText(v('preRollSeconds')),
      });
      for (const f of fields()) f.removeAttribute('aria-invalid');
      showRestart(doc);
      resultLine.textContent = doc.applied.length > 0 ? t('settings.applied', { fields: names(doc.applied) }) : t('settings.unchanged');
    } catch (e) { showError(e); }
  });
  auto.addEventListener('click', async () => {
    const next = auto.getAttribute('aria-pressed') !== 'true';
    try { await api.patch('/api/settings', { autoRecord: next }); auto.setAttribute('aria-pressed', String(next)); } catch (e) { toast(e.message); }
  });

  // The monitor mix of overdub passes (the teachers'; left out for anyone else).
  const monitor = await monitorCard();
  if (monitor) view.append(monitor);

  const current = el('input', { id: 'current-pin', type: 'password', inputmode: 'numeric', autocomplete: 'current-password', maxlength: '32' });
  const next = el('input', { id: 'new-pin', type: 'password', inputmode: 'numeric', autocomplete: 'new-password', maxlength: '32' });
  const change = el('button', { type: 'button', id: 'change-pin' }, t('settings.changePin'));
  const logout = el('button', { type: 'button', id: 'logout', class: 'danger' }, t('settings.logout'));
  view.append(el('section', { class: 'card' }, el('h2', { text: t('settings.panel') }),
    el('label', { for: 'current-pin', text: t('settings.currentPin') }), current, el('label', { for: 'new-pin', text: t('settings.newPin') }), next,
    el('div', { class: 'row' }, change, logout)));
  change.addEventListener('click', async () => {
    try { await api.patch('/api/settings', { currentPin: current.value, pin: next.value }); toast(t('settings.pinChanged')); current.value = ''; next.value = ''; } catch (e) { toast(e.message); }
  });
  logout.addEventListener('click', async () => { await api.logout(); location.reload(); });

  // This browser's display: language and large type. Kept in the browser, not on the appliance,
  // so a teacher's phone and the room's screen each keep their own.
  const large = el('button', { type: 'button', id: 'large-type', class: 'toggle', 'aria-pressed': String(largeType()) }, t('display.large'));
  large.addEventListener('click', () => {
    const on = large.getAttribute('aria-pressed') !== 'true';
    setLargeType(on);
    large.setAttribute('aria-pressed', String(on));
  });
  view.append(el('section', { class: 'card', id: 'display' }, el('h2', { text: t('display.title') }),
    el('h3', { id: 'language-heading', text: t('display.language') }),
    el('div', { class: 'row lang-switch', role: 'group', 'aria-labelledby': 'language-heading' }, languageSwitch()),
    el('div', { class: 'row' }, large)));
  return null;
}
