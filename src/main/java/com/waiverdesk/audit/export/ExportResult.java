package com.waiverdesk.audit.export;

import java.nio.file.Path;

/**
 * What an export wrote, for the caller's message and for the access log.
 *
 * @param file   the export itself
 * @param anchor the sidecar holding the chain head and the file's digest, or {@code null} where the file carries
 *               the chain head itself (FHIR)
 * @param rows   entries written
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record ExportResult(Path file, Path anchor, long rows, String sha256) {
}
