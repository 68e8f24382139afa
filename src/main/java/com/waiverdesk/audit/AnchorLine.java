package com.waiverdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text of one anchor line and its signature. A line reads {@code anchor-1 log=ID time=INSTANT checks=SEQ:HASH
 * access=SEQ:HASH purged=SEQ:HASH mac=HEX}; the MAC covers everything before {@code " mac="}. Its key is
 * HMAC-SHA256(audit key, "waiverdesk anchor key 1"), so an anchor MAC never doubles as an ID hash made with the same
 * key.
 */
final class AnchorLine {
    private static final HexFormat HEX = HexFormat.of();
    private static final String H = "([0-9a-f]{64})";
    private static final Pattern LINE = Pattern.compile("anchor-1 log=([0-9a-f]{1,64}) time=(\\S+) checks=(\\d{1,19}):"
            + H + " access=(\\d{1,19}):" + H + " purged=(\\d{1,19}):" + H + " mac=" + H);

    private final byte[] macKey;
    private final String keyFingerprint;

    AnchorLine(byte[] auditKey) {
        if (auditKey.length < 16) {
            throw new IllegalArgumentException("audit key too short");
        }
        this.macKey = hmac(auditKey, "waiverdesk anchor key 1".getBytes(StandardCharsets.US_ASCII));
        // a one-way value of the key, so the database can tell a window with another key file without holding the key
        this.keyFingerprint = HEX.formatHex(hmac(auditKey,
                "waiverdesk audit key fingerprint 1".getBytes(StandardCharsets.US_ASCII)), 0, 16);
    }

    String keyFingerprint() {
        return keyFingerprint;
    }

    /** A parsed line: the anchor if the line is valid, else why not. */
    record Parsed(Anchor anchor, String problem) {
    }

    /** The signed line of {@code anchor}, without a line end. */
    String format(Anchor anchor) {
        String body = "anchor-1 log=" + anchor.logId() + " time=" + anchor.head().time()
                + " checks=" + anchor.head().seq() + ":" + anchor.head().hash()
                + " access=" + anchor.head().accessSeq() + ":" + anchor.head().accessHash()
                + " purged=" + anchor.purgedThroughSeq() + ":" + anchor.purgedThroughHash();
        return body + " mac=" + mac(body);
    }

    /** Checks syntax, signature and log id, in that order. */
    Parsed parse(String text, String logId) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return new Parsed(null, text.startsWith("anchor-1 ") && !text.contains(" mac=")
                    ? "the line is incomplete (the disk filled up or the power failed while writing?)"
                    : "it is not an anchor line");
        }
        String body = text.substring(0, text.lastIndexOf(" mac="));
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                m.group(9).getBytes(StandardCharsets.US_ASCII))) {
            return new Parsed(null, "its signature does not match, so it was not written by WaiverDesk with this"
                    + " audit key");
        }
        if (!m.group(1).equals(logId)) {
            return new Parsed(null, "it belongs to another audit database");
        }
        try {
            ChainHead head = new ChainHead(Instant.parse(m.group(2)), Long.parseLong(m.group(3)), m.group(4),
                    Long.parseLong(m.group(5)), m.group(6));
            return new Parsed(new Anchor(m.group(1), head, Long.parseLong(m.group(7)), m.group(8)), null);
        } catch (DateTimeParseException | NumberFormatException e) {
            return new Parsed(null, "it holds a malformed time or number");
        }
    }

    private String mac(String body) {
        return HEX.formatHex(hmac(macKey, body.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
