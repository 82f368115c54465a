// A track's peaks drawn on a canvas: min/max per column from the waveform overview
// ({"min": [...], "max": [...]}, -1..1), markers and the position as fractions of the width (-1: none).
export function drawWaveform(canvas, peaks, position, markers) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, w, h);
  const n = peaks ? peaks.min.length : 0;
  const mid = h / 2;
  g.fillStyle = '#3f7fb0';
  for (let x = 0; n > 0 && x < w; x++) {
    const i = Math.min(n - 1, Math.floor((x / w) * n));
    const top = mid - peaks.max[i] * mid;
    const bottom = mid - peaks.min[i] * mid;
    g.fillRect(x, top, 1, Math.max(1, bottom - top));
  }
  g.fillStyle = '#d8a23a';
  for (const m of markers) g.fillRect(Math.round(m * w), 0, Math.max(2, 2 * ratio), h);
  if (position >= 0) {
    g.fillStyle = '#ffffffcc';
    g.fillRect(Math.round(position * w), 0, Math.max(1, ratio), h);
  }
}
