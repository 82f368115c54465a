package org.taperoom.web.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request path as sent, checked before the router decodes its parameters: every {@code %}
 * starts two hex digits, and what they encode is well-formed UTF-8 (no overlong forms, no
 * surrogates) without NUL. The router's own decoding throws on {@code %u0041} and accepts the rest
 * silently; here both are a 400 that says what is wrong, before any route runs.
 */
public final class PathCheck {
    private PathCheck() {}

    /** Null when the raw path is fine, else the sentence for the 400. */
    public static String problem(String rawPath) {
        byte[] bytes = new byte[rawPath.length()];
        int n = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return "path: '%' must start two hex digits (percent-encoding), as in %20";
                }
                bytes[n++] = (byte) (hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)));
                i += 2;
            } else if (c < 0x20 || c == 0x7f || c > 0xff) {
                return "path: control characters are not allowed";
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
            if (decoded.indexOf('\0') >= 0) return "path: NUL (%00) is not allowed";
            return null;
        } catch (CharacterCodingException e) {
            return "path: the percent-encoded bytes are not UTF-8";
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
