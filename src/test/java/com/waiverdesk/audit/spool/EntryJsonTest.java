package com.waiverdesk.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.CheckSource;
import com.waiverdesk.audit.ProofDetail;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EntryJsonTest {
    static Stream<AuditEntry> entries() {
        return Stream.of(SpoolFixtures.entry(1), SpoolFixtures.ecertEntry(2), SpoolFixtures.paperEntry(3, -17L),
                SpoolFixtures.paperEntry(4, null), SpoolFixtures.bareEntry(),
                SpoolFixtures.entry(5).withSource(null).withProof(null));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void entryReadsBackEqualToWhatWasWritten(AuditEntry entry) {
        assertThat(EntryJson.read(EntryJson.write(entry))).isEqualTo(entry);
    }

    @Test
    void fixturesSetEveryFieldSomewhere() {
        // the round trip above proves every field only if each is non-null (and not default) in some entry
        for (RecordComponent c : AuditEntry.class.getRecordComponents()) {
            assertThat(entries().map(e -> value(c, e))).as(c.getName()).anyMatch(SpoolFixtures::isSet);
        }
        for (RecordComponent c : CheckSource.class.getRecordComponents()) {
            assertThat(entries().map(AuditEntry::source).filter(s -> s != null).map(s -> value(c, s)))
                    .as(c.getName()).anyMatch(SpoolFixtures::isSet);
        }
        for (RecordComponent c : ProofDetail.class.getRecordComponents()) {
            assertThat(entries().map(AuditEntry::proof).filter(p -> p != null).map(p -> value(c, p)))
                    .as(c.getName()).anyMatch(SpoolFixtures::isSet);
        }
    }

    @Test
    void bodyNamesEveryComponentOfTheRecords() {
        JsonNode o = EntryJson.tree(EntryJson.write(SpoolFixtures.paperEntry(1, 3L)));
        assertThat(o.fieldNames()).toIterable().containsAll(names(AuditEntry.class));
        assertThat(o.get("source").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                names(CheckSource.class));
        assertThat(o.get("proof").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                names(ProofDetail.class));
    }

    @Test
    void timesKeepTheirPrecisionAndOffset() {
        AuditEntry e = SpoolFixtures.entry(1);
        AuditEntry back = EntryJson.read(EntryJson.write(e));
        assertThat(back.workstationTime().getNano()).isEqualTo(123_456_789);
        assertThat(back.serviceTime().getOffset()).isEqualTo(e.serviceTime().getOffset());
    }

    @Test
    void bodyWithoutAFieldIsRefused() {
        String body = EntryJson.write(SpoolFixtures.entry(1)).replace("\"requestId\":\"req-1\",", "");
        assertThatThrownBy(() -> EntryJson.read(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestId");
    }

    @Test
    void bodyOfAnotherFormatIsRefused() {
        String body = EntryJson.write(SpoolFixtures.entry(1)).replace("\"format\":1", "\"format\":2");
        assertThatThrownBy(() -> EntryJson.read(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format");
    }

    @Test
    void notShownMarkReadsBack() {
        NotShownMark mark = new NotShownMark(Instant.parse("2026-03-01T08:00:01.5Z"), "clerk-07", "WIN-ADM-03");
        assertThat(NotShownMark.fromJson(mark.toJson())).isEqualTo(mark);
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
