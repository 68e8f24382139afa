package com.waiverdesk.app;

/** The composition root: builds a running {@link Desk} from a {@link Config} with plain constructors. */
public final class Wiring {
    private Wiring() {
    }

    /** Opens the audit database, loads the policy and connects the client (starting the demo service if none is configured). Blocking. */
    public static Desk start(Config config) throws Exception {
        throw new UnsupportedOperationException("wired after the helpers land");
    }
}
