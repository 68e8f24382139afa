package com.waiverdesk.testing;

import com.waiverdesk.app.CheckService;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.Desk;
import com.waiverdesk.audit.IdHasher;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.PolicyRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Desks wired to fakes, for view-model and robot tests. */
public final class TestDesks {
    /** Synthetic IDs with valid check digits (computed by hand from the GB 11643 weights). */
    public static final String WAIVE_ID = "11010519491231002X";
    public static final String OTHER_ID = "440524188001010014";
    public static final Clock CLOCK = Clock.fixed(FakeVerificationClient.CHECKED_AT.toInstant(), ZoneOffset.ofHours(8));

    private TestDesks() {
    }

    public static DepositPolicy policy() {
        return new DepositPolicy("TEST-2018", LocalDate.of(2018, 1, 1), "test policy", List.of(
                new PolicyRule("SUBSISTENCE_ALLOWANCE", 0, Map.of()),
                new PolicyRule("EXTREME_POVERTY_SUPPORT", 0, Map.of()),
                new PolicyRule("LOW_INCOME_FAMILY", 50, Map.of()),
                new PolicyRule("EXPENDITURE_POVERTY", 100, Map.of())));
    }

    public static Config config(Duration autoClear, Locale locale) {
        return new Config(null, null, null, "w03-li", "ADM-W03", Path.of("unused.db"), null, Duration.ofSeconds(5),
                new BigDecimal("5000"), null, autoClear, locale);
    }

    public static Desk desk(FakeVerificationClient client, MemoryAuditLog audit, Duration autoClear, Locale locale) {
        Config config = config(autoClear, locale);
        CheckService checks = new CheckService(client, policy(), audit, new IdHasher(new byte[32]), CLOCK,
                config.workstation(), config.standardDeposit());
        return new Desk(config, checks, client, policy(), List.of(audit));
    }
}
