package org.taperoom.appliance.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taperoom.appliance.music.ChordSymbol;
import org.taperoom.appliance.music.Key;

/**
 * A song sheet: title, key, tempo, time signature, capo, sections with chords and lyrics, and
 * free notes, held as the ordered lines of its ChordPro text so that nothing a musician wrote is
 * lost (directives we do not know stay where they were). Immutable; edits return a new sheet.
 *
 * <p>Chords are written as played: with a capo they are the shapes, and {@code {key:}} is the key
 * that sounds. Notes are {@code {x_taperoom_notes: …}} lines (ChordPro keeps {@code x_}
 * directives for applications).
 */
public record SongSheet(List<SheetLine> lines) {
    public static final String NOTES = "x_taperoom_notes";
    /** The directive that dates the section after it, seconds into the song or take: {@code {x_taperoom_at: 12.5}}. */
    public static final String AT = "x_taperoom_at";

    /** Short forms ChordPro allows, by their long name. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("t", "title"), Map.entry("st", "subtitle"), Map.entry("c", "comment"), Map.entry("ci", "comment_italic"),
            Map.entry("cb", "comment_box"), Map.entry("soc", "start_of_chorus"), Map.entry("eoc", "end_of_chorus"),
            Map.entry("sov", "start_of_verse"), Map.entry("eov", "end_of_verse"), Map.entry("sob", "start_of_bridge"),
            Map.entry("eob", "end_of_bridge"), Map.entry("sot", "start_of_tab"), Map.entry("eot", "end_of_tab"),
            Map.entry("sog", "start_of_grid"), Map.entry("eog", "end_of_grid"));

    public SongSheet {
        lines = List.copyOf(lines);
    }

    /** A directive's long name: {@code soc} is {@code start_of_chorus}. */
    static String canonical(String name) {
        return ABBREVIATIONS.getOrDefault(name, name);
    }

    /** An empty sheet with a title. */
    public static SongSheet titled(String title) {
        return new SongSheet(List.of(new SheetLine.Directive("title", title)));
    }

    /** The value of the first directive of that (long) name. */
    public Optional<String> directive(String name) {
        for (SheetLine l : lines) {
            if (l instanceof SheetLine.Directive d && canonical(d.name()).equals(name)) return Optional.ofNullable(d.value());
        }
        return Optional.empty();
    }

    public Optional<String> title() {
        return directive("title");
    }

    /** The sounding key, if the sheet names one ChordPro-style ({@code Am}, {@code Bb}). */
    public Optional<Key> key() {
        return directive("key").flatMap(v -> {
            try {
                return Optional.of(Key.parse(v));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public Optional<Double> tempoBpm() {
        return directive("tempo").flatMap(SongSheet::number);
    }

    /** The time signature as written ({@code 3/4}). */
    public Optional<String> time() {
        return directive("time");
    }

    /** Capo fret, 0 when none. */
    public int capo() {
        return directive("capo").flatMap(SongSheet::number).map(Double::intValue).orElse(0);
    }

    /** The free notes, one string per notes line. */
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        for (SheetLine l : lines) if (l instanceof SheetLine.Directive d && d.name().equals(NOTES)) out.add(d.value() == null ? "" : d.value());
        return out;
    }

    private static Optional<Double> number(String v) {
        try {
            return Optional.of(Double.parseDouble(v.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * This sheet with the first directive of {@code name} set to {@code value} (added after the
     * leading directives when there is none), or removed when {@code value} is null.
     */
    public SongSheet with(String name, String value) {
        List<SheetLine> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof SheetLine.Directive d && canonical(d.name()).equals(name)) {
                if (value == null) out.remove(i);
                else out.set(i, new SheetLine.Directive(d.name(), value));
                return new SongSheet(out);
            }
        }
        if (value == null) return this;
        int at = 0;
        while (at < out.size() && out.get(at) instanceof SheetLine.Directive d && !canonical(d.name()).startsWith("start_of")) at++;
        out.add(at, new SheetLine.Directive(name, value));
        return new SongSheet(out);
    }

    /** This sheet with its notes replaced (one notes line per element, at the end). */
    public SongSheet withNotes(List<String> notes) {
        List<SheetLine> out = new ArrayList<>();
        for (SheetLine l : lines) if (!(l instanceof SheetLine.Directive d && d.name().equals(NOTES))) out.add(l);
        for (String n : notes) out.add(new SheetLine.Directive(NOTES, n));
        return new SongSheet(out);
    }

    /** The section kind that holds a detected progression ({@code {start_of_progression}}: ChordPro allows sections of any name). */
    public static final String PROGRESSION = "progression";

    /**
     * This sheet with what an analysis found: tempo (to a tenth of a BPM), time signature and key set
     * where found (null leaves the sheet's), and the progression as a chord line in the sheet's
     * {@code progression} section, which replaces the one a detection before wrote (an empty
     * progression leaves it).
     */
    public SongSheet withDetected(Double tempoBpm, String timeSignature, Key key, List<String> progression) {
        SongSheet out = this;
        if (key != null) out = out.with("key", key.chordProName());
        if (tempoBpm != null) out = out.with("tempo", BigDecimal.valueOf(Math.round(tempoBpm * 10) / 10.0).stripTrailingZeros().toPlainString());
        if (timeSignature != null) out = out.with("time", timeSignature);
        if (progression.isEmpty()) return out;
        List<SheetLine.Segment> chords = new ArrayList<>();
        for (int i = 0; i < progression.size(); i++) chords.add(new SheetLine.Segment(progression.get(i), i < progression.size() - 1 ? " " : ""));
        List<SheetLine> block = List.of(new SheetLine.Directive("start_of_" + PROGRESSION, null), new SheetLine.Lyrics(chords),
                new SheetLine.Directive("end_of_" + PROGRESSION, null));
        List<SheetLine> lines = new ArrayList<>(out.lines());
        int start = -1, end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!(lines.get(i) instanceof SheetLine.Directive d)) continue;
            if (start < 0 && canonical(d.name()).equals("start_of_" + PROGRESSION)) start = i;
            else if (start >= 0 && canonical(d.name()).equals("end_of_" + PROGRESSION)) {
                end = i;
                break;
            }
        }
        if (start >= 0 && end >= 0) {
            lines.subList(start, end + 1).clear();
            lines.addAll(start, block);
        } else {
            lines.addAll(block);
        }
        return new SongSheet(lines);
    }

    /**
     * A section: its kind ({@code verse}, {@code chorus}, {@code bridge}, {@code tab} …), label, lyric
     * lines, and the time it starts at in the song or take, seconds (null when the sheet does not say).
     */
    public record Section(String kind, String label, List<SheetLine.Lyrics> lines, Double startSeconds) {}

    /**
     * The sections, in order: each {@code {start_of_X[: label]}} … {@code {end_of_X}} block, and lyrics
     * outside any block as sections of kind {@code none}. A section's start time is the
     * {@code {x_taperoom_at: seconds}} line in front of it (or right after its {@code start_of}, before
     * its first line); a value that is not a number dates nothing.
     */
    public List<Section> sections() {
        return walk().stream().map(Walked::section).toList();
    }

    /**
     * This sheet with section {@code index} starting at {@code seconds} (null: undated): its time
     * line, wherever it was, is replaced by one in front of the section.
     *
     * @throws IllegalArgumentException for a section the sheet does not have, or a negative time
     */
    public SongSheet withSectionStart(int index, Double seconds) {
        List<Walked> walked = walk();
        if (index < 0 || index >= walked.size()) {
            throw new IllegalArgumentException("no section " + index + ": the sheet has "
                    + (walked.isEmpty() ? "no sections" : "sections 0 to " + (walked.size() - 1)));
        }
        if (seconds != null && !(seconds >= 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException("a section's start must be 0 s or later and finite: " + seconds);
        }
        Walked w = walked.get(index);
        List<SheetLine> out = new ArrayList<>(lines);
        int at = w.firstLine();
        if (w.timeLine() >= 0) {
            out.remove(w.timeLine());
            if (w.timeLine() < at) at--;
        }
        if (seconds != null) out.add(at, new SheetLine.Directive(AT, seconds(seconds)));
        return new SongSheet(out);
    }

    /** Seconds as written in a time line: to the millisecond, no trailing zeros ({@code 13}, {@code 61.5}). */
    private static String seconds(double s) {
        return BigDecimal.valueOf(Math.round(s * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    /** A section and where it lies: its first line (start_of, or first loose lyric) and its time line (-1: none). */
    private record Walked(Section section, int firstLine, int timeLine) {}

    private List<Walked> walk() {
        List<Walked> out = new ArrayList<>();
        String kind = null, label = null;
        List<SheetLine.Lyrics> current = new ArrayList<>();
        Double currentAt = null, pendingAt = null;
        int first = -1, currentTimeLine = -1, pendingTimeLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            SheetLine l = lines.get(i);
            if (l instanceof SheetLine.Directive d) {
                String n = canonical(d.name());
                if (n.equals(AT)) {
                    Double at = number(d.value()).filter(v -> v >= 0 && Double.isFinite(v)).orElse(null);
                    if (at == null) continue;
                    if (kind != null && current.isEmpty() && currentTimeLine < 0) {
                        currentAt = at;
                        currentTimeLine = i;
                    } else {
                        pendingAt = at;
                        pendingTimeLine = i;
                    }
                } else if (n.startsWith("start_of_")) {
                    if (!current.isEmpty()) out.add(new Walked(new Section(kind == null ? "none" : kind, label, current, currentAt), first, currentTimeLine));
                    current = new ArrayList<>();
                    kind = n.substring("start_of_".length());
                    label = d.value();
                    first = i;
                    currentAt = pendingAt;
                    currentTimeLine = pendingTimeLine;
                    pendingAt = null;
                    pendingTimeLine = -1;
                } else if (n.startsWith("end_of_")) {
                    out.add(new Walked(new Section(kind == null ? n.substring("end_of_".length()) : kind, label, current, currentAt),
                            first < 0 ? i : first, currentTimeLine));
                    current = new ArrayList<>();
                    kind = null;
                    label = null;
                    first = -1;
                    currentAt = null;
                    currentTimeLine = -1;
                }
            } else if (l instanceof SheetLine.Lyrics ly) {
                if (kind == null && current.isEmpty()) {
                    first = i;
                    currentAt = pendingAt;
                    currentTimeLine = pendingTimeLine;
                    pendingAt = null;
                    pendingTimeLine = -1;
                }
                current.add(ly);
            }
        }
        if (!current.isEmpty()) out.add(new Walked(new Section(kind == null ? "none" : kind, label, current, currentAt), first, currentTimeLine));
        return out;
    }

    /** Every chord in order of appearance. */
    public List<String> chords() {
        List<String> out = new ArrayList<>();
        for (SheetLine l : lines) {
            if (l instanceof SheetLine.Lyrics ly) for (SheetLine.Segment s : ly.segments()) if (s.chord() != null) out.add(s.chord());
        }
        return out;
    }

    /**
     * The song {@code semitones} higher (or lower): every chord moved and spelled for the new key
     * (F# major has E#, Gb major Cb, flats in F), and {@code {key:}} updated. Text that is not a
     * chord ({@code [N.C.]}, {@code [*Riff]}) stays.
     */
    public SongSheet transpose(int semitones) {
        Key sounding = key().orElseGet(this::keyFromFirstChord);
        Key newKey = sounding.transpose(semitones);
        SongSheet moved = moveChords(semitones, newKey.transpose(-capo()));
        return key().isPresent() ? moved.with("key", newKey.chordProName()) : moved;
    }

    /**
     * The same sounding song played with a capo on {@code fret} (0 removes it): the shapes move
     * down by the change of fret and are spelled for the key they are fingered in.
     */
    public SongSheet withCapo(int fret) {
        if (fret < 0 || fret > 11) throw new IllegalArgumentException("capo fret must be 0..11: " + fret);
        Key sounding = key().orElseGet(() -> keyFromFirstChord().transpose(capo()));
        SongSheet moved = moveChords(capo() - fret, sounding.transpose(-fret));
        return moved.with("capo", fret == 0 ? null : Integer.toString(fret));
    }

    /** The key of the first chord, as played; C major when there is none. */
    private Key keyFromFirstChord() {
        for (String c : chords()) {
            Optional<ChordSymbol> s = ChordSymbol.parse(c);
            if (s.isPresent()) return Key.of(s.get().rootPc(), s.get().minor());
        }
        return Key.of(0, false);
    }

    private SongSheet moveChords(int semitones, Key spelledIn) {
        List<SheetLine> out = new ArrayList<>(lines.size());
        for (SheetLine l : lines) {
            if (l instanceof SheetLine.Lyrics ly) {
                List<SheetLine.Segment> segs = new ArrayList<>();
                for (SheetLine.Segment s : ly.segments()) {
                    String chord = s.chord() == null ? null
                            : ChordSymbol.parse(s.chord()).map(c -> c.transpose(semitones, spelledIn).toString()).orElse(s.chord());
                    segs.add(new SheetLine.Segment(chord, s.text()));
                }
                out.add(new SheetLine.Lyrics(segs));
            } else {
                out.add(l);
            }
        }
        return new SongSheet(out);
    }
}
