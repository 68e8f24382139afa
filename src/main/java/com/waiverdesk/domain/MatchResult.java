package com.waiverdesk.domain;

/** The service's verdict on a name and ID pair ({@code result} in the API). */
public enum MatchResult {
    /** Person found and the name agrees. */
    MATCH,
    /** No assistance record for this ID. */
    NO_RECORD,
    /** ID known, but the name differs; the service discloses nothing more. */
    NAME_MISMATCH
}
