package com.waiverdesk.verification.ecert;

import java.util.Base64;

/**
 * Base64url without padding (RFC 4648 §5), read canonically: only the alphabet, no padding, no length of 1 mod 4,
 * zero trailing bits. Java's decoder accepts padding and ignores trailing bits, so two texts could carry one value.
 */
final class Base64Url {
    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] decode(String text, String part) throws MalformedTextException {
        int n = text.length();
        if (n == 0) {
            throw new MalformedTextException(part + " is empty");
        }
        if (n % 4 == 1) {
            throw new MalformedTextException(part + " has an impossible base64url length");
        }
        for (int i = 0; i < n; i++) {
            if (value(text.charAt(i)) < 0) {
                throw new MalformedTextException(part + " has a character outside base64url");
            }
        }
        int last = value(text.charAt(n - 1));
        // 2 characters carry 1 byte (4 spare bits), 3 carry 2 bytes (2 spare bits)
        int spareMask = n % 4 == 2 ? 0x0F : n % 4 == 3 ? 0x03 : 0;
        if ((last & spareMask) != 0) {
            throw new MalformedTextException(part + " has non-zero trailing bits");
        }
        return Base64.getUrlDecoder().decode(text);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
