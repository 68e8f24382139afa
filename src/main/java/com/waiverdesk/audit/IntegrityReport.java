package com.waiverdesk.audit;

import java.util.Optional;

/**
 * What {@link SqliteAuditLog#verify(ProgressListener)} found: both chains and the anchor file.
 *
 * @param checks         the check entries' chain
 * @param access         the access events' chain
 * @param anchorsChecked whether an anchor file and key were given; without them a cut-back tail cannot be seen
 * @param anchorLines    lines in the anchor file, valid or not
 * @param lastAnchor     the last correctly signed anchor, or {@code null}
 * @param anchorBreak    the first invalid anchor line ({@code seq} is its line number), or {@code null}
 */
public record IntegrityReport(ChainReport checks, ChainReport access, boolean anchorsChecked, int anchorLines,
                              ChainHead lastAnchor, ChainReport.Break anchorBreak) {

    /** Where a problem was found. */
    public enum Place { CHECK_ENTRIES, ACCESS_EVENTS, ANCHOR_FILE }

    /** One problem and where it is. */
    public record Problem(Place place, ChainReport.Break found) {
    }

    public boolean intact() {
        return checks.intact() && access.intact() && anchorBreak == null;
    }

    /** The problem to show first: in the check entries, then the access events, then the anchor file. */
    public Optional<Problem> firstProblem() {
        if (!checks.intact()) {
            return Optional.of(new Problem(Place.CHECK_ENTRIES, checks.firstBreak()));
        }
        if (!access.intact()) {
            return Optional.of(new Problem(Place.ACCESS_EVENTS, access.firstBreak()));
        }
        return Optional.ofNullable(anchorBreak).map(b -> new Problem(Place.ANCHOR_FILE, b));
    }
}
