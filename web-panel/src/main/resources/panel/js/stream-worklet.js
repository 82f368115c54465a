// The browser stream's player, on the audio rendering thread: frames of the live mix arrive from
// the page (port messages of left/right Float32Arrays at the stream's rate) into a ring; each
// render quantum takes from it, resampling linearly when the stream's rate is not the context's.
// A jitter buffer of TARGET seconds is kept: the ring fills to it before sound starts and again
// after it runs dry (silence meanwhile); a backlog beyond MAX (the sender's clock ahead of ours,
// or a stall flushed at once) is skipped down to the target, so the delay never grows.
const TARGET = 0.04;
const MAX = 0.15;

class StreamPlayer extends AudioWorkletProcessor {
  constructor() {
    super();
    this.size = 1 << 17;
    this.left = new Float32Array(this.size);
    this.right = new Float32Array(this.size);
    this.write = 0; // frames written, absolute
    this.read = 0; // fractional read position, absolute
    this.rate = sampleRate;
    this.primed = false;
    this.port.onmessage = (e) => this.push(e.data);
  }

  push({ rate, left, right }) {
    this.rate = rate;
    for (let i = 0; i < left.length; i++) {
      const slot = (this.write + i) & (this.size - 1);
      this.left[slot] = left[i];
      this.right[slot] = right[i];
    }
    this.write += left.length;
    const held = this.write - this.read;
    if (held > this.size - 1) this.read = this.write - this.size + 1;
    if (held > MAX * this.rate) this.read = this.write - TARGET * this.rate;
  }

  process(inputs, outputs) {
    const out = outputs[0];
    const frames = out[0].length;
    const step = this.rate / sampleRate;
    if (!this.primed && this.write - this.read >= TARGET * this.rate) this.primed = true;
    for (let i = 0; i < frames; i++) {
      if (!this.primed || this.read + 1 >= this.write) {
        this.primed = false;
        out[0][i] = 0;
        if (out[1]) out[1][i] = 0;
        continue;
      }
      const base = Math.floor(this.read);
      const frac = this.read - base;
      const a = base & (this.size - 1);
      const b = (base + 1) & (this.size - 1);
      out[0][i] = this.left[a] + (this.left[b] - this.left[a]) * frac;
      if (out[1]) out[1][i] = this.right[a] + (this.right[b] - this.right[a]) * frac;
      this.read += step;
    }
    return true;
  }
}

registerProcessor('taperoom-stream', StreamPlayer);
