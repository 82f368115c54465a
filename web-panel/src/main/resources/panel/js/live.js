// The WebSocket /ws: state, meters, progress, takes and playback messages, fanned out to the page that
// listens. Reconnects with a growing delay when the connection drops (Wi-Fi, service restart).

const listeners = { state: new Set(), meters: new Set(), progress: new Set(), takes: new Set(), playback: new Set(), open: new Set() };
let socket = null;
let retryMillis = 500;
let wanted = false;

export function on(type, fn) {
  listeners[type].add(fn);
  return () => listeners[type].delete(fn);
}

export function connect() {
  wanted = true;
  if (socket && socket.readyState <= 1) return;
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  socket = new WebSocket(url);
  socket.onopen = () => {
    retryMillis = 500;
    listeners.open.forEach((fn) => fn());
  };
  socket.onmessage = (e) => {
    let msg;
    try { msg = JSON.parse(e.data); } catch { return; }
    const set = listeners[msg.type];
    if (set) set.forEach((fn) => fn(msg));
  };
  socket.onclose = () => {
    socket = null;
    if (!wanted) return;
    setTimeout(connect, retryMillis);
    retryMillis = Math.min(retryMillis * 2, 8000);
  };
}

export function disconnect() {
  wanted = false;
  if (socket) socket.close();
}
