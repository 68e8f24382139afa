package com.waiverdesk.mock;

import com.waiverdesk.domain.AssistanceGrant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the assistance record of a random registry person, in shapes chosen so the data stays meaningful for years:
 * anything still valid ends in 2035 or later, anything expired ended in 2024 or 2025, anything future starts in 2030.
 */
final class SyntheticGrants {
    private static final String[] KNOWN = {DemoPeople.SA, DemoPeople.EPS, DemoPeople.LIF, DemoPeople.EP};
    private static final LocalDate EARLIEST_START = LocalDate.of(2016, 1, 1);

    /** The shapes of record, with their share in percent; the first people get one of each, so all appear. */
    enum Profile {
        NONE(15), SUBSISTENCE_OPEN(13), SUBSISTENCE_FAR(10), EXTREME_POVERTY(8), LOW_INCOME(12), EXPENDITURE(8),
        UNKNOWN_ONLY(5), EXPIRED(12), NOT_YET_VALID(5), SEVERAL(12);

        private final int percent;

        Profile(int percent) {
            this.percent = percent;
        }
    }

    private final Random random;

    SyntheticGrants(Random random) {
        this.random = random;
    }

    /** The grants of the {@code index}-th random person. */
    List<AssistanceGrant> next(int index, LocalDate birth) {
        Profile[] profiles = Profile.values();
        Profile profile = index < profiles.length ? profiles[index] : weighted();
        switch (profile) {
            case NONE:
                return List.of();
            case SUBSISTENCE_OPEN:
                return List.of(current(DemoPeople.SA, birth, false));
            case SUBSISTENCE_FAR:
                return List.of(current(DemoPeople.SA, birth, true));
            case EXTREME_POVERTY:
                return List.of(current(DemoPeople.EPS, birth, random.nextBoolean()));
            case LOW_INCOME:
                return List.of(current(DemoPeople.LIF, birth, true));
            case EXPENDITURE:
                return List.of(current(DemoPeople.EP, birth, true));
            case UNKNOWN_ONLY:
                return List.of(current(DemoPeople.UNKNOWN, birth, true));
            case EXPIRED:
                return List.of(expired(KNOWN[random.nextInt(KNOWN.length)], birth));
            case NOT_YET_VALID:
                return List.of(new AssistanceGrant(KNOWN[random.nextInt(KNOWN.length)],
                        LocalDate.of(2030, 1 + random.nextInt(6), 1), random.nextBoolean() ? null : farEnd()));
            default:
                return several(birth);
        }
    }

    private List<AssistanceGrant> several(LocalDate birth) {
        List<String> categories = new ArrayList<>(List.of(KNOWN));
        categories.add(DemoPeople.UNKNOWN);
        int count = 2 + random.nextInt(2);
        List<AssistanceGrant> grants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String category = categories.remove(random.nextInt(categories.size()));
            int shape = random.nextInt(3);
            grants.add(shape == 0 ? expired(category, birth) : current(category, birth, shape == 1));
        }
        return grants;
    }

    private Profile weighted() {
        int pick = random.nextInt(100);
        for (Profile profile : Profile.values()) {
            pick -= profile.percent;
            if (pick < 0) {
                return profile;
            }
        }
        throw new IllegalStateException("profile shares do not add up to 100");
    }

    private AssistanceGrant current(String category, LocalDate birth, boolean farEnd) {
        return new AssistanceGrant(category, start(birth, LocalDate.of(2025, 12, 31)), farEnd ? farEnd() : null);
    }

    private AssistanceGrant expired(String category, LocalDate birth) {
        LocalDate end = YearMonth.of(2024 + random.nextInt(2), 1 + random.nextInt(12)).atEndOfMonth();
        return new AssistanceGrant(category, start(birth, LocalDate.of(2023, 12, 31)), end);
    }

    private LocalDate start(LocalDate birth, LocalDate latest) {
        LocalDate earliest = birth.isAfter(EARLIEST_START) ? birth : EARLIEST_START;
        return earliest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(earliest, latest) + 1));
    }

    private LocalDate farEnd() {
        return LocalDate.of(2035 + random.nextInt(6), 12, 31);
    }
}
