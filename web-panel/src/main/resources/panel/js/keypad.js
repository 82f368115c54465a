// The on-screen numeric keypad: a touch screen on a wall has no keyboard. It types into one input
// (the panel PIN, a student's code) and never focuses it, so a system keyboard does not open over it.
import { el } from './ui.js';
import { t } from './i18n.js';

/** Makes the digit, clear and back buttons inside `container` type into `input`. */
export function wireKeypad(container, input) {
  container.addEventListener('click', (e) => {
    const key = e.target.closest('button[data-key]');
    if (!key) return;
    const max = Number(input.getAttribute('maxlength')) || 32;
    if (key.dataset.key === 'back') input.value = input.value.slice(0, -1);
    else if (key.dataset.key === 'clear') input.value = '';
    else if (input.value.length < max) input.value += key.dataset.key;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A keypad for `input`, named by the message `labelKey` ("Keypad for the student code"). */
export function keypadFor(input, labelKey) {
  const digit = (d) => el('button', { type: 'button', 'data-key': d }, d);
  const pad = el('div', { class: 'keypad', role: 'group', 'aria-label': t(labelKey) },
    ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit),
    el('button', { type: 'button', 'data-key': 'clear', 'aria-label': t('keypad.clear') }, 'C'),
    digit('0'),
    el('button', { type: 'button', 'data-key': 'back', 'aria-label': t('keypad.back') }, '⌫'));
  wireKeypad(pad, input);
  return pad;
}
