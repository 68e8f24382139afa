package com.waiverdesk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The community affairs centres earlier paper certificates named at this desk, most recent first: the paper form
 * suggests them, so the same centre is spelt the same way every time. A plain list beside the configuration; losing
 * it loses only suggestions. Blocking: disk.
 */
public final class PaperCentres {
    static final int MAX_REMEMBERED = 200;
    private static final System.Logger LOG = System.getLogger(PaperCentres.class.getName());

    private final Path file;

    public PaperCentres(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The remembered centres, most recent first; empty when none or the file cannot be read (logged). */
    public synchronized List<String> list() {
        try {
            List<String> centres = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && centres.size() < MAX_REMEMBERED) {
                    centres.add(line.strip());
                }
            }
            return centres;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "paper certificate centres in {0} not read: {1}", file, e.toString());
            return List.of();
        }
    }

    /** Puts {@code centre} first; a failure to write is logged, never raised: the entry itself is already recorded. */
    public synchronized void remember(String centre) {
        String clean = centre.strip();
        if (clean.isEmpty() || clean.contains("\n") || clean.contains("\r")) {
            return;
        }
        LinkedHashSet<String> centres = new LinkedHashSet<>();
        centres.add(clean);
        centres.addAll(list());
        try {
            PrivateFiles.replace(file, "centres", String.join("\n",
                    centres.stream().limit(MAX_REMEMBERED).toList()).concat("\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "paper certificate centre not remembered in {0}: {1}", file,
                    e.toString());
        }
    }
}
