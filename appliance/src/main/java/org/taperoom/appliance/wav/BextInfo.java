package org.taperoom.appliance.wav;

import java.time.LocalDateTime;

/**
 * What goes into a track's {@code bext} and {@code iXML} chunks (EBU Tech 3285, iXML 1.61).
 *
 * @param description      free text, up to 256 ASCII characters (the take and track)
 * @param originator       the recorder ("Taperoom"), up to 32 characters
 * @param originatorRef    a unique reference of the take, up to 32 characters
 * @param firstSampleTime  local date and time of the file's first sample (origination date and time)
 * @param timeReference    the first sample's position in samples since local midnight
 * @param trackName        the track's name, for iXML
 * @param takeName         the take's name, for iXML's SCENE
 * @param rateHz           sample rate, for the coding history
 */
public record BextInfo(String description, String originator, String originatorRef, LocalDateTime firstSampleTime,
                       long timeReference, String trackName, String takeName, int rateHz) {}
