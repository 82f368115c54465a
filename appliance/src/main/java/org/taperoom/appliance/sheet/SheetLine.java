package org.taperoom.appliance.sheet;

import java.util.List;

/** One line of a song sheet, in the order ChordPro holds them. */
public sealed interface SheetLine {
    /**
     * {@code {name}} or {@code {name: value}}; any directive, known or not, is kept. {@code value}
     * is null for a directive without one.
     */
    record Directive(String name, String value) implements SheetLine {}

    /** {@code # text}: a comment for the writer, never shown. */
    record Comment(String text) implements SheetLine {}

    /** An empty line (it separates paragraphs). */
    record Blank() implements SheetLine {}

    /** A line inside a tab or grid block, kept exactly as written. */
    record Verbatim(String text) implements SheetLine {}

    /** A lyric line with chords: {@code [Am]Some [C]wo[G]rds}, a chord before each segment's text. */
    record Lyrics(List<Segment> segments) implements SheetLine {
        public Lyrics {
            segments = List.copyOf(segments);
        }

        /** The words without chords. */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (Segment s : segments) b.append(s.text());
            return b.toString();
        }
    }

    /** A chord (null for none) and the text that follows it up to the next chord. */
    record Segment(String chord, String text) {}
}
