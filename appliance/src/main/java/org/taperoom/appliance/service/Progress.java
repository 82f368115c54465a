package org.taperoom.appliance.service;

/**
 * What the watchdog's health check reads from the engine: monotonic counters of the two threads
 * that must keep moving while the device is open.
 *
 * @param threadsRunning whether the capture and writer threads are supposed to run now (device
 *                       open); false while the service waits for a device
 * @param capturePeriods periods the capture thread has completed since the engine started
 * @param writerLoops    passes the writer thread has made over the rings since the engine started
 */
public record Progress(boolean threadsRunning, long capturePeriods, long writerLoops) {}
