package com.waiverdesk.audit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ErrorKeys;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
    /**
     * The columns, in order: the recorded codes first, as every earlier export had them, then the service's time in
     * the workstation's zone (to compare with {@code workstation_time} at a glance) and the codes in words, in the
     * export's language ({@code *_words}; {@code error_words} says what went wrong, see {@link ErrorKeys}); then how
     * the patient proved status (an entry from before it was recorded: {@code LIVE_QUERY}) and, for a paper
     * certificate, its review ({@code PENDING} until a supervisor approved or rejected it; empty for other channels).
     */
    public static final List<String> HEADER = List.of("seq", "workstation_time", "service_time", "operator",
            "workstation", "masked_id", "name", "decision", "deposit_percent", "reason", "categories",
            "service_result", "request_id", "error_code", "latency_ms", "policy_id", "policy_sha256", "service_url",
            "demo_service", "program_version", "entry_hash", "service_time_local", "decision_words", "reason_words",
            "categories_words", "service_result_words", "error_words",
            "channel", "cert_id", "cert_kid", "trust_list_age_s", "revocation_list_age_s", "paper_number",
            "paper_centre", "paper_issued", "paper_category", "follows_seq", "review_state", "review_reason",
            "reviewed_by", "reviewed_at", "channel_words", "review_state_words");
    /** The review state of a paper entry no supervisor has reviewed yet. */
    public static final String PENDING = "PENDING";
    static final String ANCHOR_FORMAT = "waiverdesk-audit-export-anchor-1";
    /** U+FEFF in UTF-8. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /**
     * Jackson's CSV writer copies each value into a char buffer and encodes it to UTF-8 bytes in one loop: about a
     * tenth of the cost of a per-character CSV printer feeding a {@code Writer}. Strict quoting: a value is quoted only
     * when it holds a comma, a quote, CR or LF (or starts with {@code #}), not merely for being long. The stream is
     * the {@link ExportFile}'s, which closes it.
     */
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** RFC 4180: comma, double quote doubled inside quotes, CRLF after every row, the header first. */
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumns(HEADER, CsvSchema.ColumnType.STRING)
            .setLineSeparator("\r\n").setUseHeader(true).build();
    private static final JsonFactory JSON = new JsonFactory();

    private final AuditReader reader;
    private final ZoneId zone;
    private final Clock clock;
    private final EntryWords words;

    /**
     * @param zone  the zone workstation times are written in (with their offset)
     * @param words the codes in words, in the export's language
     */
    public CsvExport(AuditReader reader, ZoneId zone, Clock clock, EntryWords words) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.words = Objects.requireNonNull(words, "words");
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
        OutputStream out = file.stream();
        out.write(BOM);
        LocalTimes times = new LocalTimes(zone);
        RememberedWords remembered = new RememberedWords(words);
        try (CsvGenerator csv = CSV.createGenerator(out, JsonEncoding.UTF8)) {
            csv.setSchema(SCHEMA);
            // the header row is written on the first row or at close, so an empty filter still gives the header
            return EntryPages.forEach(reader, filter, head, progress,
                    entry -> record(csv, entry, times, remembered, reviewOf(entry)));
        }
    }

    /** {@code report.csv} → {@code report.anchor.json}, beside it. */
    public static Path anchorOf(Path csvFile) {
        String name = csvFile.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return csvFile.resolveSibling(base + ".anchor.json");
    }

    /** A paper entry's review, empty while pending; {@code null} for other channels, which are not reviewed. */
    private Optional<Review> reviewOf(StoredEntry stored) throws AuditReadException {
        return stored.entry().channel() == Channel.PAPER ? reader.review(stored.seq()) : null;
    }

    private static void record(CsvGenerator csv, StoredEntry stored, LocalTimes times, RememberedWords words,
                               Optional<Review> review) throws IOException {
        AuditEntry e = stored.entry();
        csv.writeStartArray();
        csv.writeNumber(stored.seq());
        // times formatted here and the decision's name never need quotes: written without looking for them
        csv.writeRawValue(times.format(e.workstationTime()));
        if (e.serviceTime() == null) {
            csv.writeNull();
        } else {
            csv.writeRawValue(times.formatService(e.serviceTime()));
        }
        text(csv, defuse(e.operator()));
        text(csv, defuse(e.workstation()));
        text(csv, defuse(e.maskedId()));
        text(csv, defuse(e.name()));
        csv.writeRawValue(e.decision().name());
        if (e.depositPercent() == null) {
            csv.writeNull();
        } else {
            csv.writeNumber(e.depositPercent().intValue());
        }
        text(csv, defuse(e.reason()));
        text(csv, defuse(categories(e)));
        text(csv, defuse(e.serviceResult()));
        text(csv, defuse(e.requestId()));
        text(csv, defuse(e.errorCode()));
        csv.writeNumber(e.latencyMillis());
        // empty for entries written before the log recorded what a check was decided with
        CheckSource source = e.source();
        text(csv, source == null ? null : defuse(source.policyId()));
        text(csv, source == null ? null : source.policySha256());
        text(csv, source == null ? null : defuse(source.serviceUrl()));
        text(csv, source == null ? null : Boolean.toString(source.demoService()));
        text(csv, source == null ? null : defuse(source.programVersion()));
        text(csv, stored.entryHash());
        if (e.serviceTime() == null) {
            csv.writeNull();
        } else {
            csv.writeRawValue(times.format(e.serviceTime().toInstant()));
        }
        text(csv, words.decision(e.decision()));
        text(csv, defuse(words.reason(e.reason())));
        text(csv, defuse(words.categories(e.categories())));
        text(csv, words.serviceResult(e.serviceResult()));
        text(csv, defuse(words.error(ErrorKeys.of(e))));
        proof(csv, e, times, review);
        text(csv, words.channel(e.channel()));
        text(csv, review == null ? null : words.reviewState(reviewState(review)));
        csv.writeEndArray();
    }

    /** The proof's columns, from {@code channel} to {@code reviewed_at}. */
    private static void proof(CsvGenerator csv, AuditEntry e, LocalTimes times, Optional<Review> review)
            throws IOException {
        ProofDetail p = e.proof();
        csv.writeRawValue(e.channel().name());
        text(csv, p == null ? null : defuse(p.certId()));
        text(csv, p == null ? null : defuse(p.kid()));
        number(csv, p == null ? null : p.trustListAgeSeconds());
        number(csv, p == null ? null : p.revocationListAgeSeconds());
        text(csv, p == null ? null : defuse(p.paperNumber()));
        text(csv, p == null ? null : defuse(p.paperCentre()));
        text(csv, p == null || p.paperIssued() == null ? null : p.paperIssued().toString());
        text(csv, p == null ? null : defuse(p.paperCategory()));
        number(csv, p == null ? null : p.followsSeq());
        text(csv, review == null ? null : reviewState(review));
        Review r = review == null ? null : review.orElse(null);
        text(csv, r == null ? null : defuse(r.reason()));
        text(csv, r == null ? null : defuse(r.supervisor()));
        if (r == null) {
            csv.writeNull();
        } else {
            csv.writeRawValue(times.format(r.time()));
        }
    }

    private static String reviewState(Optional<Review> review) {
        return review.map(Review::state).orElse(PENDING);
    }

    private static void number(CsvGenerator csv, Long value) throws IOException {
        if (value == null) {
            csv.writeNull();
        } else {
            csv.writeNumber(value.longValue());
        }
    }

    /** A missing value is an empty cell, as before. */
    private static void text(CsvGenerator csv, String value) throws IOException {
        if (value == null) {
            csv.writeNull();
        } else {
            csv.writeString(value);
        }
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
            json.writeStringField("language", words.locale().getLanguage());
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
