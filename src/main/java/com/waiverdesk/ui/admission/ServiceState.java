package com.waiverdesk.ui.admission;

/** What the status bar says about the verification service. */
public enum ServiceState {
    STARTING, REACHABLE, UNREACHABLE, NOT_STARTED
}
