package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code title}, {@code artist}, {@code album}, {@code date}, {@code comment}: strings up to 500 characters, all optional. */
public record Tags(String title, String artist, String album, String date, String comment) {
    public static final Tags NONE = new Tags(null, null, null, null, null);

    static Tags parse(Fields f) throws SettingsException {
        Tags t = new Tags(f.text("title", null, 500), f.text("artist", null, 500), f.text("album", null, 500),
                f.text("date", null, 500), f.text("comment", null, 500));
        f.finish();
        return t;
    }

    void write(ObjectNode n) {
        if (title != null) n.put("title", title);
        if (artist != null) n.put("artist", artist);
        if (album != null) n.put("album", album);
        if (date != null) n.put("date", date);
        if (comment != null) n.put("comment", comment);
    }
}
