package com.waiverdesk.mock;

import java.util.Arrays;
import java.util.Objects;

/**
 * A hospital's query account as the mock knows it: id, shared secret, and whether it may query. The secret never
 * appears in {@link #toString()}.
 */
public record MockAccount(String id, byte[] secret, boolean enabled) {
    /** The account the mock serves out of the box. */
    public static final String DEMO_ID = "H310000-DEMO";

    public MockAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (id.isBlank() || secret.length == 0) {
            throw new IllegalArgumentException("an account needs an id and a non-empty secret");
        }
        secret = secret.clone();
    }

    /** The demo account with a freshly generated secret, for a mock started inside the program. */
    public static MockAccount demo() {
        return demo(SecretFile.generate());
    }

    /** The demo account with the given secret, e.g. from {@link SecretFile#loadOrCreate}. */
    public static MockAccount demo(byte[] secret) {
        return new MockAccount(DEMO_ID, secret, true);
    }

    /** The same account, refused with {@code 403 ACCOUNT_DISABLED}. */
    public MockAccount disabled() {
        return new MockAccount(id, secret, false);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MockAccount && ((MockAccount) o).id.equals(id)
                && Arrays.equals(((MockAccount) o).secret, secret) && ((MockAccount) o).enabled == enabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, enabled);
    }

    @Override
    public String toString() {
        return "MockAccount[" + id + (enabled ? "" : ", disabled") + ", secret=***]";
    }
}
