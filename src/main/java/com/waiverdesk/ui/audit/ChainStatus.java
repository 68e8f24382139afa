package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.ChainReport;

/** Where one entry stands in the last verification of the chain, for the detail pane. */
public enum ChainStatus {
    /** no verification has run in this session */
    NOT_VERIFIED,
    /** the entry and everything before it verified */
    VERIFIED,
    /** written after the last verification */
    NEWER_THAN_CHECK,
    /** the first entry where the chain breaks */
    FIRST_BREAK,
    /** after the first break: nothing from here on can be vouched for */
    AFTER_BREAK;

    public static ChainStatus of(ChainReport report, long seq) {
        if (report == null) {
            return NOT_VERIFIED;
        }
        if (report.firstBreak() != null) {
            long broken = report.firstBreak().seq();
            if (seq == broken) {
                return FIRST_BREAK;
            }
            return seq < broken && seq <= report.lastGoodSeq() ? VERIFIED : AFTER_BREAK;
        }
        return seq <= report.lastGoodSeq() ? VERIFIED : NEWER_THAN_CHECK;
    }
}
