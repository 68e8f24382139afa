package com.waiverdesk.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second place the chain heads are written to: an append-only text file beside the database, one line per
 * anchor, each signed with an HMAC keyed from the audit key. Someone who can rewrite the database but cannot read the
 * key file can neither forge a line ({@link AnchorLine}) nor make a cut-back log match the lines already written.
 */
public final class AnchorFile {
    /** Appended to the database's file name for the default anchor file ({@code audit.db.anchors}). */
    public static final String SUFFIX = ".anchors";

    private final Path path;
    private final AnchorLine format;

    /**
     * @param path     the anchor file (created on the first anchor)
     * @param auditKey the bytes of the audit key file ({@link AuditKey#loadOrCreate}), the same key as {@link IdHasher}
     */
    public AnchorFile(Path path, byte[] auditKey) {
        this.path = path.toAbsolutePath();
        this.format = new AnchorLine(auditKey);
    }

    /** A one-way value of the audit key (not the key): the database keeps it to refuse a window with another key. */
    String keyFingerprint() {
        return format.keyFingerprint();
    }

    /** The anchor file beside {@code database}: the same name with {@link #SUFFIX} appended. */
    public static AnchorFile beside(Path database, byte[] auditKey) {
        Path db = database.toAbsolutePath();
        return new AnchorFile(db.resolveSibling(db.getFileName() + SUFFIX), auditKey);
    }

    /**
     * The anchor file beside the database named by an {@code --audit-db} value: a path, or a {@code jdbc:sqlite:}
     * URL of a file (with or without {@code file:} and URI parameters).
     *
     * @throws IllegalArgumentException for an in-memory or otherwise file-less URL
     */
    public static AnchorFile beside(String jdbcUrlOrPath, byte[] auditKey) {
        String s = jdbcUrlOrPath;
        if (s.startsWith("jdbc:sqlite:")) {
            s = s.substring("jdbc:sqlite:".length());
            s = s.startsWith("file:") ? s.substring("file:".length()) : s;
            s = s.indexOf('?') >= 0 ? s.substring(0, s.indexOf('?')) : s;
        }
        if (s.isBlank() || s.startsWith(":memory:")) {
            throw new IllegalArgumentException("an audit database without a file has no place for anchors");
        }
        return beside(Path.of(s), auditKey);
    }

    public Path path() {
        return path;
    }

    /** Appends the anchor as one signed line and forces it to disk before returning; returns the line. */
    String append(Anchor anchor) throws IOException {
        String signed = format.format(anchor);
        String line = signed + "\n";
        boolean created = AuditFileModes.createIfAbsent(path, AuditFileModes.data(path.getParent()));
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            // a line torn by a crash stays a line of its own (reported as incomplete), not glued to this one
            if (out.size() > 0 && lastByte(out.size()) != '\n') {
                line = "\n" + line;
            }
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        if (created) {
            forceDirectory();
        }
        return signed;
    }

    /** The last line, if it is a complete, correctly signed anchor of this log; for deciding when to anchor next. */
    Optional<Anchor> last(String logId) throws IOException {
        List<String> lines = lines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(format.parse(lines.get(lines.size() - 1), logId).anchor());
    }

    /** Reads and checks every line: signature, log id, and that heads never go backwards. */
    Contents read(String logId) throws IOException {
        List<String> lines = lines();
        List<Anchor> valid = new ArrayList<>();
        ChainReport.Break problem = null;
        for (int i = 0; i < lines.size(); i++) {
            AnchorLine.Parsed line = format.parse(lines.get(i), logId);
            String why = line.problem();
            Anchor previous = valid.isEmpty() ? null : valid.get(valid.size() - 1);
            // heads only grow; the purge base may not (a purge that rolled back after its anchor leaves a later one)
            if (why == null && previous != null && (line.anchor().head().seq() < previous.head().seq()
                    || line.anchor().head().accessSeq() < previous.head().accessSeq())) {
                why = "it records an earlier state of the log than the line before it (a copied or replayed line)";
            }
            if (why == null) {
                valid.add(line.anchor());
            } else if (problem == null) {
                problem = new ChainReport.Break(i + 1, ChainReport.BreakKind.ANCHOR_INVALID,
                        "Anchor line " + (i + 1) + " of " + path.getFileName() + " is not valid: " + why + ".");
            }
        }
        return new Contents(valid, lines.size(), problem);
    }

    /**
     * What the anchor file holds.
     *
     * @param valid        the correctly signed lines of this log, in file order
     * @param lines        all lines, valid or not
     * @param firstProblem the first invalid line ({@code seq} is its line number), or {@code null}
     */
    record Contents(List<Anchor> valid, int lines, ChainReport.Break firstProblem) {
        Anchor lastValid() {
            return valid.isEmpty() ? null : valid.get(valid.size() - 1);
        }
    }

    private List<String> lines() throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private byte lastByte(long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            f.seek(size - 1);
            return f.readByte();
        }
    }

    /** Makes the new file's directory entry durable too (Linux allows fsync of a directory). */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            System.getLogger(AnchorFile.class.getName()).log(System.Logger.Level.DEBUG,
                    "could not sync the anchor file's folder", e);
        }
    }
}
