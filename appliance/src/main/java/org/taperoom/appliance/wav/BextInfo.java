package org.taperoom.appliance.wav;

import java.time.LocalDateTime;

/**
 * What goes into a track's {@code bext} and {@code iXML} chunks (EBU Tech 3285, iXML 1.61).
 *
 * @param description      free text, up to 256 ASCII characters; empty: the {@code sSCENE=}/{@code sTAKE=}/{@code sTRKn=}
 *                         lines recorders write there, made from the slate
 * @param originator       the recorder ("Taperoom"), up to 32 characters
 * @param originatorRef    a unique reference of the take, up to 32 characters
 * @param firstSampleTime  local date and time of the file's first sample (origination date and time)
 * @param timeReference    the first sample's position in samples since local midnight
 * @param trackName        the track's name, for iXML
 * @param takeName         the take's name, for iXML's SCENE
 * @param rateHz           sample rate, for the coding history
 * @param slate            what the take's files share (project, scene, take, tape, file set, timecode)
 * @param input            the input (1-based) the file records: iXML's CHANNEL_INDEX
 * @param fileIndex        the file's place in its take, 1-based: iXML's FILE_SET_INDEX
 * @param fileName         the file's name, for iXML's HISTORY
 * @param fileUid          a unique id of this file: iXML's FILE_UID
 */
public record BextInfo(String description, String originator, String originatorRef, LocalDateTime firstSampleTime,
                       long timeReference, String trackName, String takeName, int rateHz, Slate slate, int input,
                       int fileIndex, String fileName, String fileUid) {

    /**
     * What every file of one take says alike.
     *
     * @param project    iXML's PROJECT
     * @param scene      iXML's SCENE (the take's name)
     * @param take       the take's number: iXML's TAKE
     * @param tape       iXML's TAPE (the day's folder)
     * @param userBits   iXML's UBITS: 8 hex digits
     * @param note       iXML's NOTE
     * @param totalFiles the files of the take: iXML's TOTAL_FILES
     * @param familyUid  one id for the take's files: iXML's FAMILY_UID, what ties them together in a DAW
     * @param timecode   the timecode rate the time stamp is read at
     */
    public record Slate(String project, String scene, int take, String tape, String userBits, String note, int totalFiles,
                        String familyUid, Timecode timecode) {}

    /** A file of a one-file take on input 1 with the default slate (tools and tests). */
    public BextInfo(String description, String originator, String originatorRef, LocalDateTime firstSampleTime,
                    long timeReference, String trackName, String takeName, int rateHz) {
        this(description, originator, originatorRef, firstSampleTime, timeReference, trackName, takeName, rateHz,
                new Slate("Taperoom", takeName, 1, "", "00000000", "", 1, "", Timecode.DEFAULT), 1, 1, "", "");
    }
}
