package com.waiverdesk.mock;

import java.util.Locale;

/** The broken {@code 200} bodies the mock can send, each a way a real gateway or proxy has been seen to fail. */
public enum MalformedShape {
    /** The real JSON body cut in half. */
    TRUNCATED,
    /** Every field of the answer with the wrong JSON type. */
    WRONG_TYPES,
    /** A well-formed answer whose {@code result} is not one of the spec's values, listing a waivable category. */
    UNKNOWN_RESULT,
    /** A proxy's HTML error page, served as {@code text/html} with status 200. */
    HTML,
    /**
     * A well-formed waiver whose {@code checkedAt} is three days old, as a caching gateway might replay it: only the
     * client's clock check stands between it and a waiver.
     */
    STALE;

    /** The spelling in a fault spec, e.g. {@code wrong-types}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static MalformedShape fromSpecName(String name) {
        for (MalformedShape shape : values()) {
            if (shape.specName().equals(name)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown malformed shape, expected truncated, wrong-types, "
                + "unknown-result, html or stale");
    }
}
