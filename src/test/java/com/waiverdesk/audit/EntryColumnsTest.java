package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored values give back the entry that was written, whichever of its parts are kept at hand between rows. */
class EntryColumnsTest {

    @Test
    void everyEntryReadsBackWithItsOwnCategoriesHoweverManyDistinctListsTheLogHolds() {
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lists.add(i % 10 == 0 ? List.of() : i % 2 == 0 ? List.of("CATEGORY_" + i)
                    : List.of("CATEGORY_" + i, "CATEGORY_" + (i % 7)));
        }
        for (int round = 0; round < 2; round++) {
            for (List<String> categories : lists) {
                AuditEntry written = withCategories(AuditFixtures.entry(lists.indexOf(categories)), categories);

                AuditEntry read = EntryColumns.fromColumns(EntryColumns.toColumns(written));

                assertThat(read).isEqualTo(written);
                assertThatThrownBy(() -> read.categories().add("X")).isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    private static AuditEntry withCategories(AuditEntry e, List<String> categories) {
        return new AuditEntry(e.workstationTime(), e.serviceTime(), e.operator(), e.workstation(), e.maskedId(),
                e.idHash(), e.name(), e.decision(), e.depositPercent(), e.reason(), categories, e.serviceResult(),
                e.requestId(), e.errorCode(), e.latencyMillis());
    }
}
