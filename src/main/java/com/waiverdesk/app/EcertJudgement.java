package com.waiverdesk.app;

import com.waiverdesk.domain.EcertFinding;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What {@link EcertJudge} found, with the status call's request id and {@code checkedAt} when the service answered.
 */
public record EcertJudgement(EcertFinding finding, String requestId, OffsetDateTime checkedAt) {
    public EcertJudgement {
        Objects.requireNonNull(finding, "finding");
    }
}
