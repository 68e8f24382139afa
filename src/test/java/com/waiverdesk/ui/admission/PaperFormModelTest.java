package com.waiverdesk.ui.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paper form's own checks: dates as clerks write them, and what must be there before anything is recorded. */
class PaperFormModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-03-05, 2026-03-05",
        "2026-3-5,   2026-03-05",
        "2026/3/5,   2026-03-05",
        "2026.03.05, 2026-03-05",
        "20260305,   2026-03-05",
        "' 2026/11/2 ', 2026-11-02",
        "2026-02-29, ",
        "2026-02-30, ",
        "2026-13-01, ",
        "05/03/2026, ",
        "三月五日,    ",
        "'',         ",
    })
    void datesAreReadInTheFormsClerksWriteAndNeverStretched(String typed, LocalDate expected) {
        assertThat(PaperFormModel.parseDate(typed)).isEqualTo(expected);
    }

    private static PaperFormModel filled() {
        PaperFormModel form = new PaperFormModel();
        form.reset(List.of("SUBSISTENCE_ALLOWANCE", "LOW_INCOME_FAMILY"), List.of());
        form.numberProperty().set(" HY-2026-00417 ");
        form.centreProperty().set("长宁区华阳路街道社区事务受理服务中心");
        form.issuedTextProperty().set("2026/11/2");
        form.categoryProperty().set("LOW_INCOME_FAMILY");
        form.originalSeenProperty().set(true);
        return form;
    }

    @Test
    void aCompleteFormBecomesAnEntry() {
        assertThat(filled().validate(TODAY)).contains(new PaperFormModel.Filled("HY-2026-00417",
                "长宁区华阳路街道社区事务受理服务中心", LocalDate.of(2026, 11, 2), "LOW_INCOME_FAMILY"));
    }

    @Test
    void eachMissingPartIsNamedInTheFormsOrder() {
        PaperFormModel form = filled();
        form.originalSeenProperty().set(false);
        form.categoryProperty().set(null);
        form.issuedTextProperty().set("2026-12-01");
        assertThat(form.validate(TODAY)).isEmpty();
        assertThat(form.problemProperty().get()).isEqualTo(PaperFormModel.Problem.ISSUED_IN_FUTURE);
        form.issuedTextProperty().set("2026-11-28");
        form.validate(TODAY);
        assertThat(form.problemProperty().get()).isEqualTo(PaperFormModel.Problem.CATEGORY_EMPTY);
        form.categoryProperty().set("DISASTER_RELIEF");
        form.validate(TODAY);
        assertThat(form.problemProperty().get()).as("not one the policy offers").isEqualTo(
                PaperFormModel.Problem.CATEGORY_EMPTY);
        form.categoryProperty().set("SUBSISTENCE_ALLOWANCE");
        form.validate(TODAY);
        assertThat(form.problemProperty().get()).isEqualTo(PaperFormModel.Problem.ORIGINAL_NOT_SEEN);
        form.numberProperty().set("  ");
        form.validate(TODAY);
        assertThat(form.problemProperty().get()).isEqualTo(PaperFormModel.Problem.NUMBER_EMPTY);
    }

    @Test
    void anUnreadableDateIsSaidAsSuch() {
        PaperFormModel form = filled();
        form.issuedTextProperty().set("2026-02-30");
        assertThat(form.validate(TODAY)).isEmpty();
        assertThat(form.problemProperty().get()).isEqualTo(PaperFormModel.Problem.ISSUED_UNREADABLE);
        form.issuedTextProperty().set("2026-02-28");
        assertThat(form.problemProperty().get()).as("cleared by the correction").isNull();
    }
}
