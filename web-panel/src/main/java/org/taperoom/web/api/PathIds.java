package org.taperoom.web.api;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.taperoom.web.server.ApiError;

/**
 * Path parameters, checked before anything looks them up: ids are library ids (letters, digits,
 * '-', '_'), never paths, so {@code ..}, slashes and their encodings are refused here, and the
 * lookup itself only ever matches ids the library listed.
 */
public final class PathIds {
    /** Library ids; the library appends {@code ~N} when two takes (or two trashed ones) would share a folder name. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}(~[0-9]{1,6})?");

    private PathIds() {}

    /** The parameter as an id, or 404 (an id that cannot exist is simply not found). */
    public static String id(Context ctx, String param) {
        String v = ctx.pathParam(param);
        if (!ID.matcher(v).matches()) throw ApiError.notFound("no such " + param + ": ids are letters, digits, '-' and '_' (and ~N)");
        return v;
    }

    public static String trashId(Context ctx, String param) {
        String v = ctx.pathParam(param);
        if (!ID.matcher(v).matches()) throw ApiError.notFound("nothing in the trash with that id");
        return v;
    }

    /** A 1-based number no larger than {@code max}, or 404. */
    public static int number(Context ctx, String param, int max) {
        String v = ctx.pathParam(param);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.notFound(param + " must be a number from 1 to " + max + ", got '" + v + "'");
        }
        if (n < 1 || n > max) throw ApiError.notFound("no " + param + " " + n + ": numbers run from 1 to " + max);
        return n;
    }
}
