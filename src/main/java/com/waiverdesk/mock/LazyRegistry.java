package com.waiverdesk.mock;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A registry read at its first use rather than when the mock starts. The built-in one is 1,211 people parsed and
 * checked from JSON: a few hundred ms of a 2-core workstation's start, spent while the window draws its first frame
 * if it were read then. The desk {@linkplain MockVerificationService#preload() preloads} it once the window is up,
 * so the clerk's first check does not wait for it either. Read once, however many threads ask at the same time.
 */
final class LazyRegistry implements Supplier<SyntheticRegistry> {
    private final Supplier<SyntheticRegistry> source;
    private volatile SyntheticRegistry registry;

    LazyRegistry(Supplier<SyntheticRegistry> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** One that is already read. */
    static LazyRegistry of(SyntheticRegistry registry) {
        LazyRegistry lazy = new LazyRegistry(() -> registry);
        lazy.registry = Objects.requireNonNull(registry, "registry");
        return lazy;
    }

    @Override
    public SyntheticRegistry get() {
        SyntheticRegistry read = registry;
        if (read == null) {
            synchronized (this) {
                read = registry;
                if (read == null) {
                    read = Objects.requireNonNull(source.get(), "registry source gave none");
                    registry = read;
                }
            }
        }
        return read;
    }

    boolean isRead() {
        return registry != null;
    }
}
