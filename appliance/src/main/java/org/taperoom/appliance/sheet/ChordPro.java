package org.taperoom.appliance.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ChordPro text to a {@link SongSheet} and back. Every line is kept: directives (known or not, in
 * place), comments, blank lines, tab and grid blocks verbatim, lyrics with chords anywhere, even
 * inside words ({@code Hal[C]lelujah}). {@code write(parse(text))} gives the text back for sheets
 * written in the canonical form ({@code {name: value}}, one space after the colon); other
 * spellings of the same directive come back canonical, meaning unchanged.
 */
public final class ChordPro {
    private ChordPro() {}

    /**
     * @throws SheetException naming the line and what is wrong (an unclosed brace or bracket)
     */
    public static SongSheet parse(String text) throws SheetException {
        List<SheetLine> lines = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").split("\n", -1);
        int count = raw.length;
        if (count > 0 && raw[count - 1].isEmpty()) count--; // the final newline ends the last line
        boolean verbatim = false;
        for (int i = 0; i < count; i++) {
            String line = raw[i];
            String t = line.strip();
            if (t.startsWith("{")) {
                if (!t.endsWith("}")) throw new SheetException("line " + (i + 1) + ": directive without a closing '}': " + line);
                SheetLine.Directive d = directive(t.substring(1, t.length() - 1));
                String name = SongSheet.canonical(d.name());
                if (name.equals("start_of_tab") || name.equals("start_of_grid")) verbatim = true;
                if (name.equals("end_of_tab") || name.equals("end_of_grid")) verbatim = false;
                lines.add(d);
            } else if (verbatim) {
                lines.add(new SheetLine.Verbatim(line));
            } else if (t.startsWith("#")) {
                lines.add(new SheetLine.Comment(line.substring(line.indexOf('#') + 1)));
            } else if (t.isEmpty()) {
                lines.add(new SheetLine.Blank());
            } else {
                lines.add(lyrics(line, i + 1));
            }
        }
        return new SongSheet(lines);
    }

    private static SheetLine.Directive directive(String inner) {
        int colon = inner.indexOf(':');
        int space = inner.indexOf(' ');
        int cut = colon >= 0 && (space < 0 || colon < space) ? colon : -1;
        if (cut < 0 && space > 0) cut = space; // {title Song} is allowed too
        if (cut < 0) return new SheetLine.Directive(inner.strip().toLowerCase(Locale.ROOT), null);
        return new SheetLine.Directive(inner.substring(0, cut).strip().toLowerCase(Locale.ROOT), inner.substring(cut + 1).strip());
    }

    private static SheetLine.Lyrics lyrics(String line, int number) throws SheetException {
        List<SheetLine.Segment> segments = new ArrayList<>();
        String chord = null;
        int at = 0;
        while (true) {
            int open = line.indexOf('[', at);
            if (open < 0) {
                if (chord != null || at < line.length()) segments.add(new SheetLine.Segment(chord, line.substring(at)));
                return new SheetLine.Lyrics(segments);
            }
            int close = line.indexOf(']', open);
            if (close < 0) throw new SheetException("line " + number + ": chord without a closing ']': " + line);
            if (chord != null || open > at) segments.add(new SheetLine.Segment(chord, line.substring(at, open)));
            chord = line.substring(open + 1, close);
            at = close + 1;
        }
    }

    /** The sheet as ChordPro text, one line per {@link SheetLine}, each ending in a newline. */
    public static String write(SongSheet sheet) {
        StringBuilder b = new StringBuilder();
        for (SheetLine l : sheet.lines()) {
            switch (l) {
                case SheetLine.Directive d -> b.append('{').append(d.name()).append(d.value() == null ? "" : ": " + d.value()).append('}');
                case SheetLine.Comment c -> b.append('#').append(c.text());
                case SheetLine.Blank ignored -> { }
                case SheetLine.Verbatim v -> b.append(v.text());
                case SheetLine.Lyrics ly -> {
                    for (SheetLine.Segment s : ly.segments()) {
                        if (s.chord() != null) b.append('[').append(s.chord()).append(']');
                        b.append(s.text());
                    }
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
