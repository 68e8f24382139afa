package com.waiverdesk.verification;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where the service is and the query account used to sign requests. The secret never appears in
 * {@link #toString()}.
 *
 * @param baseUrl e.g. {@code https://verify.example.gov.cn/gw/} or {@code http://127.0.0.1:18080/}
 */
public record ServiceAccount(String baseUrl, String accountId, byte[] secret) {
    public ServiceAccount {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(accountId, "accountId");
        secret = Arrays.copyOf(Objects.requireNonNull(secret, "secret"), secret.length);
    }

    @Override
    public byte[] secret() {
        return Arrays.copyOf(secret, secret.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceAccount && ((ServiceAccount) o).baseUrl.equals(baseUrl)
                && ((ServiceAccount) o).accountId.equals(accountId)
                && Arrays.equals(((ServiceAccount) o).secret, secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, accountId);
    }

    @Override
    public String toString() {
        return "ServiceAccount[" + baseUrl + ", " + accountId + ", secret=***]";
    }
}
