package org.taperoom.appliance.panel;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The panel PIN as it is stored in the configuration ({@code panelPinHash}): PBKDF2-SHA256 with a
 * random salt, written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (base64url). Lives in
 * {@code appliance} so that {@code demo} and {@code serve} can hash a {@code --pin} flag.
 */
public final class PinHash {
    /** High enough to make guessing a 4–8 digit PIN from a stolen file slow, low enough for a Pi Zero (~50 ms). */
    static final int ITERATIONS = 60_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PinHash() {}

    /** A new stored form of {@code pin} with a fresh salt. */
    public static String of(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(pin, salt, ITERATIONS));
    }

    /**
     * Whether {@code pin} matches {@code stored}. The derived keys are compared in constant time
     * ({@link MessageDigest#isEqual}), and a malformed {@code stored} still costs one derivation, so
     * the answer's timing says nothing about the PIN.
     */
    public static boolean matches(String pin, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        byte[] salt;
        byte[] expected;
        int iterations;
        try {
            if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) throw new IllegalArgumentException("format");
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getUrlDecoder().decode(parts[2]);
            expected = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            derive(pin, new byte[SALT_BYTES], ITERATIONS);
            return false;
        }
        return MessageDigest.isEqual(derive(pin, salt, iterations), expected);
    }

    /** A random PIN of {@code digits} decimal digits, for {@code taperoom demo}. */
    public static String randomPin(int digits) {
        StringBuilder b = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) b.append((char) ('0' + RANDOM.nextInt(10)));
        return b.toString();
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
