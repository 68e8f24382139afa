package com.waiverdesk.ui.admission;

import java.time.Duration;

/**
 * How old the e-certificate lists this desk holds are, as the status bar shows them.
 *
 * @param trustList      {@code null} when no trust list is held
 * @param revocationList {@code null} when no revocation list is held
 * @param tooOld         a list is missing or older than allowed: some e-certificates cannot be decided
 */
record ListAges(Duration trustList, Duration revocationList, boolean tooOld) {
    /** The older of the two, or {@code null} when either is missing. */
    Duration oldest() {
        if (trustList == null || revocationList == null) {
            return null;
        }
        return trustList.compareTo(revocationList) >= 0 ? trustList : revocationList;
    }
}
