// The on-screen numeric keypad: a touch screen on a wall has no keyboard. It types into one input
// (the panel PIN, a student's code) and never focuses it, so a system keyboard does not open over it.
// It honours the input's maxlength and fires 'input' as typing would.

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
