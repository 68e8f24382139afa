package com.waiverdesk.audit.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.StoredEntry;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The entries of a filter as a CSV file an inspector opens in Excel: UTF-8 with a byte-order mark (so Excel reads
 * Chinese names correctly), one header row, RFC 4180 quoting, masked IDs, newest first, and beside it
 * {@code <name>.anchor.json} with the chain head, the row count and the SHA-256 of the CSV bytes.
 *
 * <p>The anchor is a separate file because any line after the rows, or before the header, breaks the table for
 * Excel and for CSV readers. The keyed ID hash is left out: it is a stable pseudonym that links a person across
 * exports and, to anyone holding the audit key, gives the ID back by trying the few billion valid numbers; an exact
 * ID is searched in the program, where the key is. Cells that Excel would run as a formula are defused (see
 * {@link #defuse}).
 */
public final class CsvExport {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("seq", "workstation_time", "service_time", "operator",
            "workstation", "masked_id", "name", "decision", "deposit_percent", "reason", "categories",
            "service_result", "request_id", "error_code", "latency_ms", "entry_hash");
    static final String ANCHOR_FORMAT = "waiverdesk-audit-export-anchor-1";
    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
    private static final JsonFactory JSON = new JsonFactory();

    private final AuditReader reader;
    private final ZoneId zone;
    private final Clock clock;

    /** @param zone the zone workstation times are written in (with their offset) */
    public CsvExport(AuditReader reader, ZoneId zone, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the entries matching {@code filter} up to {@code head} to {@code csvFile} and the anchor beside it.
     * Both appear complete or not at all.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} cancelled; no file is left behind
     */
    public ExportResult write(AuditFilter filter, ChainHead head, Path csvFile, ProgressListener progress)
            throws AuditReadException, IOException {
        Path anchor = anchorOf(csvFile);
        try (ExportFile csvOut = new ExportFile(csvFile); ExportFile anchorOut = new ExportFile(anchor)) {
            long rows = writeRows(csvOut, filter, head, progress);
            String sha256 = csvOut.finish();
            writeAnchor(anchorOut, csvFile, filter, head, rows, sha256);
            anchorOut.finish();
            // both are complete before either takes its name
            csvOut.commit();
            anchorOut.commit();
            return new ExportResult(csvFile, anchor, rows, sha256);
        }
    }

    private long writeRows(ExportFile file, AuditFilter filter, ChainHead head, ProgressListener progress)
            throws AuditReadException, IOException {
        Writer out = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
        out.write(BOM);
        // Commons CSV appends a character at a time: into a Writer each costs a lock and a call, into a
        // StringBuilder almost nothing, so records collect here and go to the encoder in large pieces
        StringBuilder pending = new StringBuilder(1 << 17);
        CSVPrinter csv = new CSVPrinter(pending, FORMAT);
        LocalTimes times = new LocalTimes(zone);
        long rows = EntryPages.forEach(reader, filter, head, progress, entry -> {
            csv.printRecord(record(entry, times));
            if (pending.length() >= 1 << 16) {
                out.append(pending);
                pending.setLength(0);
            }
        });
        out.append(pending);
        out.flush();
        return rows;
    }

    /** {@code report.csv} → {@code report.anchor.json}, beside it. */
    public static Path anchorOf(Path csvFile) {
        String name = csvFile.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return csvFile.resolveSibling(base + ".anchor.json");
    }

    private static Object[] record(StoredEntry stored, LocalTimes times) {
        AuditEntry e = stored.entry();
        return new Object[] {stored.seq(), times.format(e.workstationTime()),
            e.serviceTime() == null ? null : times.formatService(e.serviceTime()), defuse(e.operator()),
            defuse(e.workstation()), defuse(e.maskedId()), defuse(e.name()), e.decision().name(),
            e.depositPercent(), defuse(e.reason()), defuse(categories(e)),
            defuse(e.serviceResult()), defuse(e.requestId()), defuse(e.errorCode()), e.latencyMillis(),
            stored.entryHash()};
    }

    private static String categories(AuditEntry e) {
        List<String> c = e.categories();
        return c.isEmpty() ? "" : c.size() == 1 ? c.get(0) : String.join(";", c);
    }

    /**
     * Prefixes an apostrophe to text that starts like a formula (= + - @, tab, carriage return), as OWASP advises
     * for CSV opened in spreadsheets: a name typed as {@code =HYPERLINK(...)} stays text. The name is then not
     * byte-for-byte what was stored; the apostrophe says so, and the program shows the original.
     */
    static String defuse(String text) {
        if (text == null || text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0) {
            return text;
        }
        return "'" + text;
    }

    private void writeAnchor(ExportFile file, Path csvFile, AuditFilter filter, ChainHead head, long rows,
                             String sha256) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(file.stream()).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("format", ANCHOR_FORMAT);
            json.writeStringField("file", csvFile.getFileName().toString());
            json.writeStringField("sha256", sha256);
            json.writeNumberField("rows", rows);
            json.writeStringField("filter", filter.describe());
            json.writeStringField("order", "newest first; entries with seq up to the chain head's");
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeStringField("timeZone", zone.getId());
            json.writeStringField("formulaGuard", "text cells starting with = + - @ tab or carriage return are"
                    + " prefixed with an apostrophe");
            json.writeObjectFieldStart("chainHead");
            json.writeStringField("time", head.time() == null ? null : head.time().toString());
            json.writeNumberField("seq", head.seq());
            json.writeStringField("hash", head.hash());
            json.writeNumberField("accessSeq", head.accessSeq());
            json.writeStringField("accessHash", head.accessHash());
            json.writeEndObject();
            json.writeEndObject();
        }
    }
}
