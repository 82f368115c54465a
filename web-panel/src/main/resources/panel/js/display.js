// How the panel is drawn for this browser: large type with high contrast, for a person who reads
// the screen from a distance or with low vision. Kept in localStorage, applied before the first view.
const KEY = 'taperoom.display';

export function largeType() {
  return localStorage.getItem(KEY) === 'large';
}

export function setLargeType(on) {
  if (on) localStorage.setItem(KEY, 'large');
  else localStorage.removeItem(KEY);
  apply();
}

function apply() {
  if (largeType()) document.documentElement.dataset.display = 'large';
  else delete document.documentElement.dataset.display;
}

apply();
