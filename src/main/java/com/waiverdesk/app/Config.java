package com.waiverdesk.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Everything a desk needs to start, after the configuration file and the command line are merged.
 *
 * @param endpoint        base URL of the verification service; {@code null} runs the built-in demo service
 * @param secretFile      file holding the account's shared secret; required with an endpoint
 * @param auditKeyFile    key of the ID hash in the audit log; beside the database unless configured
 * @param standardDeposit the hospital's standard deposit in yuan, or {@code null} to show percents only
 * @param policyFile      a hospital's own deposit policy, or {@code null} for the bundled one
 */
public record Config(String endpoint, String accountId, Path secretFile, String operatorId, String workstation,
                     Path auditDatabase, Path auditKeyFile, Duration timeout, BigDecimal standardDeposit,
                     Path policyFile, Duration autoClear, Locale locale) {

    public boolean isDemo() {
        return endpoint == null;
    }

    public Path effectiveAuditKeyFile() {
        if (auditKeyFile != null) {
            return auditKeyFile;
        }
        Path parent = auditDatabase.toAbsolutePath().getParent();
        return parent.resolve("audit.key");
    }
}
