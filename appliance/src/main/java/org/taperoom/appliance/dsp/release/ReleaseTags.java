package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagException;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.jaudiotagger.tag.reference.PictureTypes;
import org.taperoom.appliance.dsp.settings.Tags;

/**
 * A track's tags in each format. FLAC (Vorbis comments and a front-cover picture block) and MP3
 * (ID3v2.4, APIC front cover) are written by jaudiotagger after encoding; Opus gets the same
 * comments and cover by {@link OpusComments} (jaudiotagger cannot write Opus); WAV carries what
 * its writer takes ({@link #basic}: title, artist, album, year, comment in LIST/INFO), the WAV
 * set's ISRC and UPC go in the CUE sheet. Not thread-safe; called on the
 * release thread.
 */
final class ReleaseTags {
    /** Kept so the logger's level is not lost to garbage collection; jaudiotagger logs every frame it reads at INFO. */
    private static final Logger QUIET = Logger.getLogger("org.jaudiotagger");

    static {
        QUIET.setLevel(Level.WARNING);
    }

    private ReleaseTags() {}

    /** What the WAV and Opus writers store themselves; null for the formats jaudiotagger tags. */
    static Tags basic(Release release, Release.Track track, OutputPreset preset) {
        if (preset == OutputPreset.FLAC || preset == OutputPreset.MP3) return null;
        String comment = track.isrc() != null ? "ISRC " + track.isrc() : null;
        return new Tags(track.title(), track.artist(), release.album(), release.year(), comment);
    }

    /** Writes the full tags into {@code file} (FLAC, MP3 and Opus; WAV is left as written). */
    static void write(Path file, Release release, Release.Track track, OutputPreset preset) throws IOException {
        if (preset == OutputPreset.OPUS) {
            writeOpus(file, release, track);
            return;
        }
        if (preset != OutputPreset.FLAC && preset != OutputPreset.MP3) return;
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag;
            if (audio instanceof MP3File mp3) {
                // A fresh ID3v2.4 tag, not whatever version an encoder wrote.
                mp3.setID3v1Tag(null);
                tag = new ID3v24Tag();
                mp3.setID3v2Tag((ID3v24Tag) tag);
            } else {
                tag = audio.getTagOrCreateAndSetDefault();
            }
            set(tag, FieldKey.TITLE, track.title());
            set(tag, FieldKey.ARTIST, track.artist());
            set(tag, FieldKey.ALBUM, release.album());
            set(tag, FieldKey.ALBUM_ARTIST, release.albumArtist());
            set(tag, FieldKey.YEAR, release.year());
            set(tag, FieldKey.GENRE, release.genre());
            set(tag, FieldKey.TRACK, Integer.toString(track.number()));
            set(tag, FieldKey.TRACK_TOTAL, Integer.toString(release.tracks().size()));
            set(tag, FieldKey.ISRC, track.isrc());
            set(tag, FieldKey.BARCODE, release.upc());
            if (release.cover() != null) {
                Release.Cover c = release.cover();
                Artwork art = ArtworkFactory.getNew();
                art.setBinaryData(Files.readAllBytes(c.file()));
                art.setMimeType(c.mimeType());
                art.setWidth(c.widthPixels());
                art.setHeight(c.heightPixels());
                art.setPictureType(PictureTypes.DEFAULT_ID);
                art.setDescription("");
                tag.deleteArtworkField();
                tag.setField(art);
            }
            if (!(audio instanceof MP3File)) audio.setTag(tag);
            audio.commit();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(file.getFileName() + ": tags not written (" + e.getMessage() + ")", e);
        }
    }

    /** Opus: the same fields as FLAC's, under their Vorbis comment names, and the cover ({@link OpusComments}). */
    private static void writeOpus(Path file, Release release, Release.Track track) throws IOException {
        java.util.Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("TITLE", track.title());
        c.put("ARTIST", track.artist());
        c.put("ALBUM", release.album());
        c.put("ALBUMARTIST", release.albumArtist());
        c.put("DATE", release.year());
        c.put("GENRE", release.genre());
        c.put("TRACKNUMBER", Integer.toString(track.number()));
        c.put("TRACKTOTAL", Integer.toString(release.tracks().size()));
        c.put("ISRC", track.isrc());
        c.put("BARCODE", release.upc());
        // The WAV writer's ISRC note is not wanted where ISRC has its own comment.
        c.put("COMMENT", null);
        Release.Cover cover = release.cover();
        OpusComments.write(file, c, cover == null ? null
                : new OpusComments.Picture(Files.readAllBytes(cover.file()), cover.mimeType(), cover.widthPixels(), cover.heightPixels()));
    }

    private static void set(Tag tag, FieldKey key, String value) throws TagException {
        if (value != null && !value.isBlank()) tag.setField(key, value);
    }
}
