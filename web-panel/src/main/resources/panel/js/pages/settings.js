// Settings: device, channels, rate, bit depth, pre-roll, auto-record, PIN, log out.
import * as api from '../api.js';
import { el, toast } from '../ui.js';

export async function show(view) {
  let s;
  try { s = await api.get('/api/settings'); } catch (e) { toast(e.message); return null; }
  const input = (id, label, value, attrs = {}) => [el('label', { for: id, text: label }), el('input', { id, value: String(value), ...attrs })];
  const select = (id, label, value, options) => [el('label', { for: id, text: label }),
    el('select', { id }, options.map((o) => el('option', { value: String(o), text: String(o), selected: String(o) === String(value) })))];
  const restart = el('p', { id: 'restart-note', class: 'notice', hidden: s.restartNeeded.length === 0 });
  const auto = el('button', { type: 'button', id: 'auto-record', 'aria-pressed': String(s.autoRecord) }, 'Auto-record');
  const showRestart = (doc) => {
    restart.hidden = doc.restartNeeded.length === 0;
    restart.textContent = `Changed: ${doc.restartNeeded.join(', ')}. These apply when the service restarts${doc.persisted ? '' : ' (and are kept only until then: this service has no configuration file)'}.`;
  };
  showRestart(s);
  const save = el('button', { type: 'button', id: 'save-settings', class: 'primary' }, 'Save');
  view.append(el('section', { class: 'card' }, el('h2', { text: 'Recording' }),
    input('device', 'Capture device', s.device, { type: 'text', maxlength: '120' }),
    input('channels', 'Channels', s.channels, { type: 'number', min: '1', max: '64', inputmode: 'numeric' }),
    select('rate', 'Sample rate (Hz)', s.rate, [44100, 48000, 88200, 96000, 176400, 192000]),
    select('bits', 'Bit depth', s.bits, ['16', '24', '32f']),
    input('preRollSeconds', 'Pre-roll (seconds, 0–60)', s.preRollSeconds, { type: 'number', min: '0', max: '60', step: '0.5', inputmode: 'decimal' }),
    el('div', { class: 'row' }, save, auto), restart));
  save.addEventListener('click', async () => {
    const v = (id) => document.getElementById(id).value;
    try {
      const doc = await api.patch('/api/settings', {
        device: v('device'), channels: Number(v('channels')), rate: Number(v('rate')), bits: v('bits'), preRollSeconds: Number(v('preRollSeconds')),
      });
      showRestart(doc);
      toast('Settings saved');
    } catch (e) { toast(e.message); }
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
