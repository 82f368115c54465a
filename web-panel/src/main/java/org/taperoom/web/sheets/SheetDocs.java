package org.taperoom.web.sheets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.sheet.ChordPro;
import org.taperoom.appliance.sheet.SheetLine;
import org.taperoom.appliance.sheet.SongSheet;

/** The JSON document of a song sheet: its ChordPro text, its head (title, key …) and its sections as lines of chord and text. */
final class SheetDocs {
    private SheetDocs() {}

    static Map<String, Object> doc(String owner, String id, SongSheet sheet) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("owner", owner);
        d.put("id", id);
        d.put("chordPro", ChordPro.write(sheet));
        d.put("title", sheet.title().orElse(null));
        d.put("subtitle", sheet.directive("subtitle").orElse(null));
        d.put("key", sheet.directive("key").orElse(null));
        d.put("tempoBpm", sheet.tempoBpm().orElse(null));
        d.put("time", sheet.time().orElse(null));
        d.put("capo", sheet.capo());
        d.put("notes", sheet.notes());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (SongSheet.Section s : sheet.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", s.kind());
            m.put("label", s.label());
            m.put("startSeconds", s.startSeconds());
            List<List<Map<String, Object>>> lines = new ArrayList<>();
            for (SheetLine.Lyrics l : s.lines()) {
                List<Map<String, Object>> segs = new ArrayList<>();
                for (SheetLine.Segment seg : l.segments()) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("chord", seg.chord());
                    sm.put("text", seg.text());
                    segs.add(sm);
                }
                lines.add(segs);
            }
            m.put("lines", lines);
            sections.add(m);
        }
        d.put("sections", sections);
        return d;
    }
}
