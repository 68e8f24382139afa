package com.waiverdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored form of an {@link AuditEntry}: one place that says which columns exist, in which order, and how each
 * field is written, because the hash chain is computed over exactly these stored values.
 */
public final class EntryColumns {
    /** Column names in canonical (hash) order; changing this order or a conversion breaks every existing chain. */
    public static final List<String> NAMES = List.of("ws_time_ms", "service_time", "operator", "workstation", "masked_id",
            "id_hash", "name", "decision", "deposit_percent", "reason", "categories", "service_result",
            "request_id", "error_code", "latency_ms",
            // schema version 3: what the check was decided with (null in older entries, see HashChain)
            "policy_id", "policy_sha256", "service_url", "demo_service", "program_version",
            // schema version 4: how the patient proved status (null in older entries); never the QR text or an ID
            "channel", "cert_id", "cert_kid", "trust_list_age_s", "revocation_list_age_s", "paper_number",
            "paper_centre", "paper_issued", "paper_category", "follows_seq", "holder_from_certificate");
    /** How many of {@link #NAMES} every entry has held since schema version 1. */
    static final int VERSION_1_COLUMNS = 15;
    /** How many of {@link #NAMES} schema version 3 had. */
    static final int VERSION_3_COLUMNS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    /** Enough for every combination of categories the service sends; a log with more parses the rest each time. */
    private static final int KNOWN_CATEGORIES = 64;
    /**
     * The stored categories (a JSON array) already read, as the immutable lists they give: a log holds a handful of
     * distinct values in a million rows, and parsing each again was a seventh of reading an export.
     */
    private static final Map<String, List<String>> CATEGORIES = new ConcurrentHashMap<>();

    private EntryColumns() {
    }

    /**
     * The values to store, each a {@code Long}, a {@code String} or {@code null}. The workstation time keeps
     * millisecond precision; the service time keeps its offset and fraction exactly as received.
     */
    public static List<Object> toColumns(AuditEntry e) {
        CheckSource source = e.source();
        ProofDetail proof = e.proof();
        return Arrays.asList(
                e.workstationTime().toEpochMilli(),
                e.serviceTime() == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.serviceTime()),
                e.operator(),
                e.workstation(),
                e.maskedId(),
                e.idHash(),
                e.name(),
                e.decision().name(),
                e.depositPercent() == null ? null : Long.valueOf(e.depositPercent()),
                e.reason(),
                categoriesJson(e.categories()),
                e.serviceResult(),
                e.requestId(),
                e.errorCode(),
                e.latencyMillis(),
                source == null ? null : source.policyId(),
                source == null ? null : source.policySha256(),
                source == null ? null : source.serviceUrl(),
                source == null ? null : (Object) (source.demoService() ? 1L : 0L),
                source == null ? null : source.programVersion(),
                proof == null ? null : proof.channel().name(),
                proof == null ? null : proof.certId(),
                proof == null ? null : proof.kid(),
                proof == null ? null : proof.trustListAgeSeconds(),
                proof == null ? null : proof.revocationListAgeSeconds(),
                proof == null ? null : proof.paperNumber(),
                proof == null ? null : proof.paperCentre(),
                proof == null || proof.paperIssued() == null ? null : proof.paperIssued().toString(),
                proof == null ? null : proof.paperCategory(),
                proof == null ? null : proof.followsSeq(),
                proof == null ? null : (Object) (proof.holderFromCertificate() ? 1L : 0L));
    }

    /** Reads the stored values from {@code rs}, starting at column {@code first}, normalizing integers to Long. */
    static List<Object> read(ResultSet rs, int first) throws SQLException {
        return read(rs, first, NAMES.size());
    }

    /** Reads {@code count} stored values of any chain from {@code rs}, starting at column {@code first}. */
    static List<Object> read(ResultSet rs, int first, int count) throws SQLException {
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object v = rs.getObject(first + i);
            values.add(v instanceof Integer || v instanceof Short || v instanceof Byte ? ((Number) v).longValue() : v);
        }
        return values;
    }

    /**
     * Rebuilds the entry from stored values.
     *
     * @throws IllegalArgumentException when a value cannot have been written by {@link #toColumns} (a tampered row)
     */
    public static AuditEntry fromColumns(List<Object> v) {
        try {
            String serviceTime = (String) v.get(1);
            Long deposit = (Long) v.get(8);
            return new AuditEntry(Instant.ofEpochMilli((Long) v.get(0)),
                    serviceTime == null ? null : ServiceTimes.parse(serviceTime),
                    (String) v.get(2), (String) v.get(3), (String) v.get(4), (String) v.get(5), (String) v.get(6),
                    DecisionKind.valueOf((String) v.get(7)),
                    deposit == null ? null : Math.toIntExact(deposit),
                    (String) v.get(9), categories((String) v.get(10)),
                    (String) v.get(11), (String) v.get(12), (String) v.get(13), (Long) v.get(14),
                    source(v), proof(v));
        } catch (ClassCastException | NullPointerException | ArithmeticException | JsonProcessingException
                 | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("stored audit row has a value of the wrong form", e);
        }
    }

    /** {@code null} when none of the version 3 columns is set (an older entry); all of them otherwise. */
    private static CheckSource source(List<Object> v) {
        if (v.size() < VERSION_3_COLUMNS || v.subList(VERSION_1_COLUMNS, VERSION_3_COLUMNS).stream()
                .allMatch(java.util.Objects::isNull)) {
            return null;
        }
        long demo = (Long) v.get(18);
        if (demo != 0 && demo != 1) {
            throw new IllegalArgumentException("demo_service is neither 0 nor 1");
        }
        return new CheckSource((String) v.get(15), (String) v.get(16), (String) v.get(17), demo == 1,
                (String) v.get(19));
    }

    /**
     * {@code null} when none of the version 4 columns is set (an entry written before them, or without a proof);
     * otherwise the channel and the holder flag must be there and the rest must fit the channel.
     */
    private static ProofDetail proof(List<Object> v) {
        if (v.size() < NAMES.size() || v.subList(VERSION_3_COLUMNS, NAMES.size()).stream()
                .allMatch(java.util.Objects::isNull)) {
            return null;
        }
        long holder = (Long) v.get(30);
        if (holder != 0 && holder != 1) {
            throw new IllegalArgumentException("holder_from_certificate is neither 0 nor 1");
        }
        String issued = (String) v.get(27);
        return new ProofDetail(Channel.valueOf((String) v.get(20)), (String) v.get(21), (String) v.get(22),
                (Long) v.get(23), (Long) v.get(24), (String) v.get(25), (String) v.get(26),
                issued == null ? null : LocalDate.parse(issued), (String) v.get(28), (Long) v.get(29), holder == 1);
    }

    private static List<String> categories(String json) throws JsonProcessingException {
        List<String> known = json == null ? null : CATEGORIES.get(json);
        if (known != null) {
            return known;
        }
        List<String> read = List.copyOf(JSON.readValue(json, STRING_LIST));
        if (CATEGORIES.size() < KNOWN_CATEGORIES) {
            CATEGORIES.putIfAbsent(json, read);
        }
        return read;
    }

    private static String categoriesJson(List<String> categories) {
        try {
            return JSON.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }
}
