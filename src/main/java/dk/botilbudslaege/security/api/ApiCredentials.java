package dk.botilbudslaege.security.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets, API keys and tokens: 32 random bytes (base64url), so SHA-256 is enough to store them (no salt or slow
 * hash is needed against guessing 256 bits), compared in constant time. Nothing here is ever logged.
 */
final class ApiCredentials {

    static final String KEY_PREFIX = "bl_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private ApiCredentials() {}

    static String secret() {
        return random(32);
    }

    static String clientId() {
        return "blc_" + random(12);
    }

    /** 8 lower-case letters or digits: the public part of an API key, by which it is found. */
    static String keyPrefix() {
        StringBuilder prefix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            prefix.append(LOWER[RANDOM.nextInt(LOWER.length)]);
        }
        return prefix.toString();
    }

    static String apiKey(String prefix, String secret) {
        return KEY_PREFIX + prefix + "_" + secret;
    }

    /** The prefix of a key shaped bl_&lt;8&gt;_&lt;secret&gt;, or null. */
    static String prefixOf(String key) {
        if (key == null || key.length() < 13 || !key.startsWith(KEY_PREFIX) || key.charAt(11) != '_') {
            return null;
        }
        String prefix = key.substring(3, 11);
        return prefix.matches("[a-z0-9]{8}") ? prefix : null;
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the value hashes to the stored hash, in time independent of where they differ. */
    static boolean matches(String value, String storedHash) {
        if (value == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(value).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
