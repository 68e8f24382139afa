package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reason a carried-over local review gets on the server: who, where and when first, within the server's limit. */
class ImportedReasonTest {
    private static final Instant TIME = Instant.parse("2026-03-03T09:05:00.789Z");

    @Test
    void saysWhoReviewedItWhereAndWhenThenTheReason() {
        assertThat(ServerSupervisorActions.importedReason(new Review(false, " 印章模糊 ", "李主管", TIME, "WIN-SUP-1")))
                .isEqualTo("local review by 李主管 at WIN-SUP-1, 2026-03-03T09:05:00Z: 印章模糊");
        assertThat(ServerSupervisorActions.importedReason(new Review(true, "", "李主管", TIME, "WIN-SUP-1")))
                .isEqualTo("local review by 李主管 at WIN-SUP-1, 2026-03-03T09:05:00Z");
    }

    @Test
    void aReasonTooLongForTheServerIsShortenedWithAnEllipsisNeverSplittingACharacter() {
        // 499 characters outside the Basic Multilingual Plane: two chars each in Java, one on the server
        String reason = "\uD840\uDC00".repeat(499);
        String imported = ServerSupervisorActions.importedReason(new Review(false, reason, "李主管", TIME, "W"));
        assertThat(imported.codePointCount(0, imported.length())).isEqualTo(ReviewRefusedException.MAX_REASON_LENGTH);
        assertThat(imported).endsWith("\uD840\uDC00\u2026").startsWith("local review by 李主管 at W, ");
    }
}
