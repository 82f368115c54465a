// The live mix in this browser: /ws/stream's PCM messages (a uint32 rate, then interleaved
// left/right int16) go to an AudioWorklet that plays them with a small jitter buffer, through an
// analyser whose level the page shows, so what this browser hears can be seen as well.

/** Starts listening; onLevel(dbfs) is called about every 5 ms with the level being played. */
export async function listen(onLevel) {
  const context = new AudioContext({ latencyHint: 'interactive' });
  await context.audioWorklet.addModule('/js/stream-worklet.js');
  const player = new AudioWorkletNode(context, 'taperoom-stream', { numberOfInputs: 0, outputChannelCount: [2] });
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  player.connect(analyser);
  analyser.connect(context.destination);
  await context.resume();

  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/stream';
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.onmessage = (e) => {
    const rate = new DataView(e.data).getUint32(0, true);
    const pcm = new Int16Array(e.data, 4);
    const frames = pcm.length >> 1;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      left[i] = pcm[2 * i] / 32768;
      right[i] = pcm[2 * i + 1] / 32768;
    }
    player.port.postMessage({ rate, left, right }, [left.buffer, right.buffer]);
  };

  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    const rms = Math.sqrt(sum / samples.length);
    onLevel(rms > 1e-6 ? 20 * Math.log10(rms) : -120);
  }, 5);

  return {
    stop() {
      clearInterval(timer);
      socket.close();
      context.close();
    },
  };
}
