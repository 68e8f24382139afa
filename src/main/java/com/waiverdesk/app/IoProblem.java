package com.waiverdesk.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * An I/O failure in words IT can act on. {@link AccessDeniedException} and its kin carry only the path as their
 * message, so "Could not use … /srv/audit.key: /srv/audit.key" said nothing about the cause.
 */
public final class IoProblem {
    private IoProblem() {
    }

    /** E.g. "permission denied", "no such file or folder", or the exception's own message. */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (check the owner and mode of the file and its folder)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            return reason != null ? reason : e.getClass().getSimpleName();
        }
        String message = e.getMessage();
        return message != null ? message : e.getClass().getSimpleName();
    }
}
