package org.taperoom.appliance.playback;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.render.TrackBlock;
import org.tinylog.Logger;

/**
 * The reader thread, the writer thread's mirror (Ardour's butler): every disk read of playback
 * happens here, ahead of the play position, into the {@link TrackRing}. It answers the playback
 * thread's seek requests by moving its files and refilling from the sought frame, and wraps a
 * loop region on its own, so that a loop plays without a gap. A track shorter than the take reads
 * as silence after its end, as it does in a render. This thread owns the readers from start to
 * close.
 */
final class ReaderThread {
    /** Frames read per track per step: large reads, few system calls, well under the ring. */
    private final int chunkFrames;
    private final TrackRing ring;
    private final SoundFileReader[] readers;
    /** Frames after which there is nothing more to read: the take's programme (tracks, then the tail's silence). */
    private final long programmeFrames;
    private final Thread thread;
    // Reader-thread state.
    private final float[][] raw;
    private final double[] mono;
    private final boolean[] ended;
    private long seenEpoch;
    /** The take frame the next chunk starts at; -1 before the first request. */
    private long takeFrame = -1;
    private long loopFrom;
    private long loopTo;

    /** Set by close() on any thread, read by this thread. */
    private volatile boolean running = true;
    /** A read failed: the sentence, for the status. Written by this thread, read by any. */
    private volatile String failure;

    ReaderThread(TrackRing ring, List<SoundFileReader> readers, long programmeFrames) {
        this.ring = ring;
        this.readers = readers.toArray(new SoundFileReader[0]);
        this.programmeFrames = programmeFrames;
        this.chunkFrames = Math.min(1 << 14, ring.capacityFrames() / 4);
        this.raw = new float[this.readers.length][];
        for (int t = 0; t < raw.length; t++) raw[t] = new float[chunkFrames * this.readers[t].channels()];
        this.mono = new double[chunkFrames];
        this.ended = new boolean[this.readers.length];
        this.thread = new Thread(this::run, "taperoom-reader");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Any thread: wakes the reader (a seek was requested, or frames were released). */
    void wake() {
        LockSupport.unpark(thread);
    }

    String failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                if (doWork() == 0) LockSupport.parkNanos(2_000_000L);
            }
        } finally {
            for (SoundFileReader r : readers) r.close();
        }
    }

    /** One step: answers a seek, then reads one chunk if there is room; returns the frames read. */
    int doWork() {
        try {
            TrackRing.Request request = ring.pendingRequest(seenEpoch);
            if (request != null) seek(request);
            if (takeFrame < 0 || ring.freeFrames() < chunkFrames) return 0;
            long end = loopTo > loopFrom ? loopTo : programmeFrames;
            if (takeFrame >= end) {
                if (loopTo <= loopFrom) return 0;
                moveTo(loopFrom);
            }
            int n = (int) Math.min(chunkFrames, end - takeFrame);
            readChunk(n);
            takeFrame += n;
            return n;
        } catch (SoundFileException e) {
            if (failure == null) Logger.error("playback stopped reading: {}", e.getMessage());
            failure = e.getMessage();
            takeFrame = -1;
            return 0;
        }
    }

    private void seek(TrackRing.Request r) throws SoundFileException {
        seenEpoch = r.epoch();
        loopFrom = r.loopFrom();
        loopTo = r.loopTo();
        moveTo(Math.max(0, Math.min(r.frame(), programmeFrames)));
        // The sought frames start where the ring is now; what it holds before is the old position's.
        ring.acknowledge(r.epoch(), ring.writeFrame());
    }

    private void moveTo(long frame) throws SoundFileException {
        for (int t = 0; t < readers.length; t++) {
            readers[t].seek(frame);
            ended[t] = frame >= readers[t].frames();
        }
        takeFrame = frame;
    }

    /** Reads {@code n} frames of every track into the ring after its write position and publishes them. */
    private void readChunk(int n) throws SoundFileException {
        long at = ring.writeFrame();
        int mask = ring.mask();
        for (int t = 0; t < readers.length; t++) {
            int got = 0;
            while (!ended[t] && got < n) {
                int k = readers[t].read(raw[t], n - got);
                if (k == 0) {
                    ended[t] = true;
                    break;
                }
                TrackBlock.toMono(raw[t], readers[t].channels(), mono, got, k);
                got += k;
            }
            java.util.Arrays.fill(mono, got, n, 0);
            double[] lane = ring.lane(t);
            int start = (int) (at & mask);
            int first = Math.min(n, ring.capacityFrames() - start);
            System.arraycopy(mono, 0, lane, start, first);
            System.arraycopy(mono, first, lane, 0, n - first);
        }
        ring.publish(at + n);
    }

    /** Stops the thread and closes the files; waits up to {@code waitMillis}. */
    void close(long waitMillis) {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Never started (or gone): the files are this thread's to close now.
        if (!thread.isAlive()) {
            for (SoundFileReader r : readers) r.close();
        }
    }
}
