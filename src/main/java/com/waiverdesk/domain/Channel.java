package com.waiverdesk.domain;

/**
 * How the patient proved assistance status (e-certificate.md, cli.md): the hospital's live query, the city's
 * e-certificate checked with the service's status call or from the cached lists alone, or a paper certificate.
 */
public enum Channel {
    LIVE_QUERY,
    ECERT_ONLINE,
    ECERT_OFFLINE,
    PAPER;

    public boolean isEcert() {
        return this == ECERT_ONLINE || this == ECERT_OFFLINE;
    }
}
