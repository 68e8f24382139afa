package com.waiverdesk.ui.admission;

import com.waiverdesk.domain.AssistanceGrant;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.VerificationAnswer;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.testing.FakeVerificationClient;
import com.waiverdesk.testing.TestDesks;
import com.waiverdesk.verification.VerificationRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every outcome the clerk's card can show, each as the input typed and the service's answer (with
 * {@link TestDesks#policy()}): the table the layout test and the screenshots walk through.
 */
final class DeskOutcomes {
    /** The answer from {@link FakeVerificationClient#CHECKED_AT}'s service. */
    record Outcome(String label, String name, String id, Function<VerificationRequest, VerificationOutcome> answer) {
    }

    private DeskOutcomes() {
    }

    static List<Outcome> all() {
        List<Outcome> all = new ArrayList<>();
        String id = TestDesks.WAIVE_ID;
        all.add(new Outcome("waive", "王秀英", id, FakeVerificationClient.match("SUBSISTENCE_ALLOWANCE")));
        all.add(new Outcome("reduce", "阿依古丽·买买提", id, FakeVerificationClient.match("LOW_INCOME_FAMILY")));
        all.add(new Outcome("charge-no-record", "赵明远", id, FakeVerificationClient.result(MatchResult.NO_RECORD)));
        all.add(new Outcome("charge-name-mismatch", "王秀云", id,
                FakeVerificationClient.result(MatchResult.NAME_MISMATCH)));
        all.add(new Outcome("charge-expired", "陈玉兰", id, grant("SUBSISTENCE_ALLOWANCE",
                LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31))));
        all.add(new Outcome("charge-not-in-policy", "张伟", id, FakeVerificationClient.match("DISASTER_RELIEF")));
        all.add(new Outcome("charge-no-reduction", "刘德顺", id, FakeVerificationClient.match("EXPENDITURE_POVERTY")));
        all.add(new Outcome("charge-no-category", "张伟", id, FakeVerificationClient.match()));
        all.add(new Outcome("charge-legacy-id", "李建国", "110105491231002",
                FakeVerificationClient.result(MatchResult.NO_RECORD)));
        for (ServiceFailure failure : ServiceFailure.values()) {
            String code = failure == ServiceFailure.REQUEST_REJECTED ? "INVALID_ID_NUMBER" : null;
            all.add(new Outcome("cannot-verify-" + failure, "张伟", id, FakeVerificationClient.failure(failure, code)));
        }
        all.add(new Outcome("cannot-verify-REQUEST_REJECTED-call-it", "张伟", id,
                FakeVerificationClient.failure(ServiceFailure.REQUEST_REJECTED, null)));
        all.add(new Outcome("input-ID_EMPTY", "张伟", "", null));
        all.add(new Outcome("input-ID_WRONG_LENGTH", "张伟", "1101051949", null));
        all.add(new Outcome("input-ID_BAD_CHARACTER", "张伟", "11010519491231002A", null));
        all.add(new Outcome("input-ID_IMPOSSIBLE_DATE", "张伟", "110105194913310021", null));
        all.add(new Outcome("input-ID_FUTURE_DATE", "张伟", "110105209912310021", null));
        all.add(new Outcome("input-ID_WRONG_CHECK_DIGIT", "王秀英", "110105194912310021", null));
        all.add(new Outcome("input-NAME_EMPTY", "", id, null));
        all.add(new Outcome("input-NAME_HAS_DIGITS", "张伟3", id, null));
        all.add(new Outcome("input-NAME_TOO_LONG", "王".repeat(65), id, null));
        return all;
    }

    private static Function<VerificationRequest, VerificationOutcome> grant(String category, LocalDate from,
                                                                           LocalDate until) {
        return request -> VerificationOutcome.answered(new VerificationAnswer(request.requestId(), MatchResult.MATCH,
                List.of(new AssistanceGrant(category, from, until)), FakeVerificationClient.CHECKED_AT), 1, 3);
    }
}
