package com.waiverdesk.audit.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** A waiting "decision never shown" mark: who abandoned the check's decision, where and when. */
record NotShownMark(Instant time, String operator, String workstation) {
    NotShownMark {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(workstation, "workstation");
    }

    String toJson() {
        ObjectNode o = EntryJson.object();
        o.put("format", EntryJson.FORMAT);
        o.put("time", time.toString());
        o.put("operator", operator);
        o.put("workstation", workstation);
        return o.toString();
    }

    /** @throws IllegalArgumentException when {@code json} is not a mark this class wrote */
    static NotShownMark fromJson(String json) {
        JsonNode o = EntryJson.tree(json);
        Long format = EntryJson.number(o, "format");
        if (format == null || format != EntryJson.FORMAT) {
            throw new IllegalArgumentException("unknown spool mark format " + format);
        }
        try {
            return new NotShownMark(Instant.parse(EntryJson.text(o, "time")), EntryJson.text(o, "operator"),
                    EntryJson.text(o, "workstation"));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("spool mark does not read back: " + e.getMessage(), e);
        }
    }
}
