package com.waiverdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * An audit server password as IT hands it to a command: a file ({@code --password-file}) or standard input, never the
 * command line. The text is taken exactly, less one trailing line end, so that the password stored on the server by
 * {@code add-desk} is the one {@code secret set --audit-db} stores at the desk, whatever white space it holds.
 */
final class PasswordFile {
    /** Far above any password; stops a wrong file from being taken for one. */
    static final int MAX_BYTES = 1024;

    private PasswordFile() {
    }

    /**
     * The password in {@code file}.
     *
     * @throws IOException the file is missing, readable by every user of the machine (then the password is not secret
     *                     any more: make a new one), empty, not UTF-8, longer than a line
     */
    static char[] read(Path file) throws IOException {
        if (othersCanRead(file)) {
            throw new IOException("the password file " + file + " can be read by every user of this machine: the"
                    + " password in it is not secret any more. Choose a new one, write it to a file only you can read"
                    + " (chmod 600) and try again");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(readAtMost(in), "the password file " + file);
        } catch (NoSuchFileException e) {
            throw new IOException("there is no password file " + file);
        }
    }

    /** The password on standard input (a pipe, or typed and ended with Ctrl-D). */
    static char[] read(InputStream in) throws IOException {
        return parse(readAtMost(in), "standard input");
    }

    /** Whether the file may be read by group members (only worth a warning: the group may be IT's own). */
    static boolean groupCanRead(Path file) {
        Set<PosixFilePermission> mode = permissions(file);
        return mode != null && mode.contains(PosixFilePermission.GROUP_READ);
    }

    private static boolean othersCanRead(Path file) {
        Set<PosixFilePermission> mode = permissions(file);
        return mode != null && mode.contains(PosixFilePermission.OTHERS_READ);
    }

    /** The file's POSIX permissions; {@code null} where there are none (Windows) or the file cannot be seen. */
    private static Set<PosixFilePermission> permissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            return view == null ? null : view.readAttributes().permissions();
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        byte[] raw = in.readNBytes(MAX_BYTES + 1);
        if (raw.length > MAX_BYTES) {
            Arrays.fill(raw, (byte) 0);
            throw new IOException("the input holds more than " + MAX_BYTES + " bytes: that is not a password");
        }
        return raw;
    }

    /** The text less one trailing {@code \n} or {@code \r\n}; one line, not empty. Clears {@code raw}. */
    static char[] parse(byte[] raw, String origin) throws IOException {
        int end = raw.length;
        if (end > 0 && raw[end - 1] == '\n') {
            end--;
            if (end > 0 && raw[end - 1] == '\r') {
                end--;
            }
        }
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, 0, end));
            char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            if (password.length == 0) {
                throw new IOException(origin + " holds no password (it is empty)");
            }
            for (char c : password) {
                if (c == '\n' || c == '\r') {
                    Arrays.fill(password, '\0');
                    throw new IOException(origin + " holds more than one line: a password is one line");
                }
            }
            return password;
        } catch (CharacterCodingException e) {
            throw new IOException(origin + " is not UTF-8 text");
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
