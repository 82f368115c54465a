// Settings: device (from the detected interfaces), channels, rate, bit depth, pre-roll,
// auto-record, PIN, log out. What the API refuses is shown next to the field it names; what it
// applied at once is said; a restart is asked for only for what waits for one.
import * as api from '../api.js';
import { el, toast } from '../ui.js';

const LABELS = {
  device: 'Capture device',
  channels: 'Channels',
  rate: 'Sample rate (Hz)',
  bits: 'Bit depth',
  preRollSeconds: 'Pre-roll (seconds, 0–60)',
};
const OTHER = '__other__';

/** The field's text as the API should judge it: a number when it reads as one, else the text itself (so it is refused, not saved as 0). */
function numberOrText(text) {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

function names(keys) {
  return keys.map((k) => (LABELS[k] || k).replace(/ \(.*\)$/, '')).join(', ');
}

export async function show(view) {
  let s;
  let devices = [];
  try {
    s = await api.get('/api/settings');
    devices = await api.get('/api/settings/devices').catch(() => []);
  } catch (e) { toast(e.message); return null; }
  const input = (id, value, attrs = {}) => [el('label', { for: id, text: LABELS[id] }), el('input', { id, value: String(value), ...attrs })];
  const select = (id, value, options) => [el('label', { for: id, text: LABELS[id] }),
    el('select', { id }, options.map((o) => el('option', { value: String(o), text: String(o), selected: String(o) === String(value) })))];

  // The capture device: the interfaces found now with their inputs, the configured one even when
  // it is not plugged in, and "Other…" for a name typed by hand (an alsaConfig device).
  const known = devices.some((d) => d.name === s.device);
  const deviceSelect = el('select', { id: 'device' },
    devices.map((d) => el('option', { value: d.name, selected: d.name === s.device,
      text: `${d.name} · ${d.minChannels === d.maxChannels ? d.maxChannels : `${d.minChannels}–${d.maxChannels}`} inputs · ${d.description}` })),
    known ? null : el('option', { value: s.device, selected: true, text: `${s.device} (not found now)` }),
    el('option', { value: OTHER, text: 'Other (type a device name)…' }));
  const deviceOther = el('input', { id: 'device-other', type: 'text', maxlength: '120', hidden: true, 'aria-label': 'Device name', placeholder: 'hw:CARD=…,DEV=0' });
  const channelsHint = el('p', { class: 'muted', id: 'channels-hint' });
  const showDevice = () => {
    deviceOther.hidden = deviceSelect.value !== OTHER;
    const d = devices.find((x) => x.name === deviceSelect.value);
    channelsHint.textContent = d ? `${d.name} has ${d.minChannels === d.maxChannels ? d.maxChannels : `${d.minChannels} to ${d.maxChannels}`} inputs.` : '';
  };
  deviceSelect.addEventListener('change', showDevice);
  showDevice();

  const error = el('p', { id: 'settings-error', class: 'field-error', role: 'alert' });
  const resultLine = el('p', { id: 'settings-result', class: 'muted', role: 'status' });
  const restart = el('p', { id: 'restart-note', class: 'notice', hidden: true });
  const auto = el('button', { type: 'button', id: 'auto-record', class: 'toggle', 'aria-pressed': String(s.autoRecord) }, 'Auto-record');
  const showRestart = (doc) => {
    restart.hidden = doc.restartNeeded.length === 0;
    restart.textContent = restart.hidden ? '' : `${names(doc.restartNeeded)}: saved; these apply when the service restarts${doc.persisted ? '' : ' (and are kept only until then: this service has no configuration file)'}.`;
  };
  showRestart(s);
  const save = el('button', { type: 'button', id: 'save-settings', class: 'primary' }, 'Save');
  view.append(el('section', { class: 'card' }, el('h2', { text: 'Recording' }),
    el('label', { for: 'device', text: LABELS.device }), deviceSelect, deviceOther, channelsHint,
    input('channels', s.channels, { type: 'text', inputmode: 'numeric', maxlength: '3' }),
    select('rate', s.rate, [44100, 48000, 88200, 96000, 176400, 192000]),
    select('bits', s.bits, ['16', '24', '32f']),
    input('preRollSeconds', s.preRollSeconds, { type: 'text', inputmode: 'decimal', maxlength: '6' }),
    error,
    el('div', { class: 'row' }, save, auto), resultLine, restart));

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
      error.textContent = `${LABELS[key]}: ${m[2]}`;
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
      resultLine.textContent = doc.applied.length > 0 ? `Saved and applied now: ${names(doc.applied)}.` : 'Saved; nothing changed.';
    } catch (e) { showError(e); }
  });
  auto.addEventListener('click', async () => {
    const next = auto.getAttribute('aria-pressed') !== 'true';
    try { await api.patch('/api/settings', { autoRecord: next }); auto.setAttribute('aria-pressed', String(next)); } catch (e) { toast(e.message); }
  });

  const current = el('input', { id: 'current-pin', type: 'password', inputmode: 'numeric', autocomplete: 'current-password', maxlength: '32' });
  const next = el('input', { id: 'new-pin', type: 'password', inputmode: 'numeric', autocomplete: 'new-password', maxlength: '32' });
  const change = el('button', { type: 'button', id: 'change-pin' }, 'Change PIN');
  const logout = el('button', { type: 'button', id: 'logout', class: 'danger' }, 'Log out');
  view.append(el('section', { class: 'card' }, el('h2', { text: 'Panel' }),
    el('label', { for: 'current-pin', text: 'Current PIN' }), current, el('label', { for: 'new-pin', text: 'New PIN (4 or more characters)' }), next,
    el('div', { class: 'row' }, change, logout)));
  change.addEventListener('click', async () => {
    try { await api.patch('/api/settings', { currentPin: current.value, pin: next.value }); toast('PIN changed; other devices are logged out'); current.value = ''; next.value = ''; } catch (e) { toast(e.message); }
  });
  logout.addEventListener('click', async () => { await api.logout(); location.reload(); });
  return null;
}
