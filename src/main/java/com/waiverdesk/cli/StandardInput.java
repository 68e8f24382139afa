package com.waiverdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a value given as {@code -}: one line of standard input, so that it never appears in the process list. */
final class StandardInput {
    /** More than any value a command reads this way; a longer line is refused rather than read whole. */
    static final int MAX_BYTES = 4096;

    private StandardInput() {
    }

    /**
     * The first line of {@code in} as UTF-8, without its line end ({@code \n} or {@code \r\n}); reads nothing past
     * it.
     *
     * @throws IOException when standard input is empty or the line is longer than {@link #MAX_BYTES}
     */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (bytes.size() == MAX_BYTES) {
                throw new IOException("the line on standard input is longer than " + MAX_BYTES + " bytes");
            }
            bytes.write(b);
        }
        if (!any) {
            throw new IOException("standard input is empty; give the value as one line");
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
