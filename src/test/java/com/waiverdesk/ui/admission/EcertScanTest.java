package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.ManualScheduler;
import com.waiverdesk.testing.QueueRunner;
import com.waiverdesk.testing.TestDesks;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-certificate's flows in the view model, without a window: what waits for the clerk and what is recorded. */
class EcertScanTest {
    private final QueueRunner runner = new QueueRunner();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final EcertDesks desks = new EcertDesks(Locale.SIMPLIFIED_CHINESE);
    private AdmissionViewModel model;

    @BeforeEach
    void attach() {
        model = new AdmissionViewModel(runner, scheduler, TestDesks.CLOCK);
        model.attach(desks.desk, desks);
        runner.runAll();
    }

    @Test
    void emptyFieldsAreFilledFromTheCertificateWithTheIdMaskedAndNothingIsDecidedBeforeConfirm() {
        model.scan().scanned(EcertDesks.VALID);
        runner.runAll();

        assertThat(model.scan().holderProperty().get()).isEqualTo(EcertDesks.HOLDER);
        assertThat(model.nameProperty().get()).isEqualTo("王秀英");
        assertThat(model.idTextProperty().get()).isEqualTo(EcertDesks.HOLDER.maskedId());
        assertThat(model.idProblemProperty().get()).as("the masked ID is not the clerk's typing").isNull();
        assertThat(desks.judged).isEmpty();
        assertThat(desks.audit.entries).isEmpty();

        model.scan().confirm();
        runner.runAll();
        assertThat(desks.judged).containsExactly("王秀英/" + TestDesks.WAIVE_ID);
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.WAIVE);
        assertThat(desks.audit.entries).singleElement()
                .satisfies(entry -> assertThat(entry.proof().holderFromCertificate()).isTrue());
        assertThat(model.idTextProperty().get()).isEmpty();
    }

    @Test
    void withAnIdTypedTheCertificateIsJudgedAgainstTheTypedPatient() {
        model.nameProperty().set("赵明远");
        model.idTextProperty().set(TestDesks.OTHER_ID);
        model.scan().scanned(EcertDesks.VALID);
        runner.runAll();

        assertThat(model.scan().holderProperty().get()).isNull();
        assertThat(desks.judged).containsExactly("赵明远/" + TestDesks.OTHER_ID);
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(desks.audit.entries).singleElement()
                .satisfies(entry -> assertThat(entry.proof().holderFromCertificate()).isFalse());
    }

    @Test
    void aCertificateWithoutAReadableHolderIntoEmptyFieldsAsksForThemAndRecordsNothing() {
        model.scan().scanned(EcertDesks.FORGED);
        runner.runAll();
        assertThat(model.scan().noticeProperty().get()).isEqualTo(EcertScan.Notice.CERTIFICATE_UNREADABLE);
        assertThat(desks.audit.entries).isEmpty();

        model.nameProperty().set("王秀英");
        model.idTextProperty().set(TestDesks.WAIVE_ID);
        model.scan().scanned(EcertDesks.FORGED);
        runner.runAll();
        assertThat(model.resultProperty().get().decision().kind()).isEqualTo(DecisionKind.CHARGE);
        assertThat(desks.audit.entries).hasSize(1);
    }

    @Test
    void typingWhileTheHolderWaitsDropsIt() {
        model.scan().scanned(EcertDesks.VALID);
        runner.runAll();
        model.clear();
        assertThat(model.scan().holderProperty().get()).isNull();
        model.scan().confirm();
        runner.runAll();
        assertThat(desks.audit.entries).isEmpty();
        assertThat(model.nameProperty().get()).isEmpty();
    }

    @Test
    void anImageWithoutACodeIsANoticeAndNothingIsRecorded() {
        model.scan().imagePasted(new int[4], 2, 2);
        assertThat(model.scan().readingProperty().get()).isTrue();
        runner.runAll();
        assertThat(model.scan().readingProperty().get()).isFalse();
        assertThat(model.scan().noticeProperty().get()).isEqualTo(EcertScan.Notice.NO_QR_FOUND);
        assertThat(desks.audit.entries).isEmpty();
        assertThat(Optional.ofNullable(model.resultProperty().get())).isEmpty();
    }

    @Test
    void theListsAgesReachTheStatusBarsProperty() {
        assertThat(model.listAgesProperty().get()).isNotNull();
        assertThat(model.listAgesProperty().get().oldest()).hasHours(3);
    }
}
