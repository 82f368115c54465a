package org.taperoom.appliance.control;

import org.taperoom.appliance.recording.take.TakeRef;

/**
 * What the transport shows the world: its state, why it is in it (the error sentence, or the
 * cause of the last transition), and the take being recorded. Immutable.
 */
public record TransportView(TransportState state, String reason, TakeRef take, long sinceMillis) {}
