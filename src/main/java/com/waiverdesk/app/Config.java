package com.waiverdesk.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything a desk needs to start, after the configuration file and the command line are merged.
 *
 * @param endpoint        base URL of the verification service; {@code null} runs the built-in demo service
 * @param secretFile      file holding the account's shared secret, or {@code null} to read it from the
 *                        workstation's secret store (docs/secrets.md)
 * @param auditKeyFile    key of the ID hash in the audit log; beside the database unless configured
 * @param standardDeposit the hospital's standard deposit in yuan, or {@code null} to show percents only
 * @param policyFile      a hospital's own deposit policy, or {@code null} for the bundled one
 * @param caBundle        PEM file of the CA certificates trusted for the endpoint, or {@code null} for the system's
 * @param certificatePins pins ({@code sha256/…}) of the endpoint's public keys; empty for no pinning
 * @param askOperator     the window asks the clerk for an operator id at start ({@code operatorIdMode} "ask" and no
 *                        fixed {@code operatorId}); {@code operatorId} is the OS user until then
 * @param ecert           the e-certificate root key and list ages ({@code ecertRootKey}, {@code ecertMax…AgeHours})
 * @param auditServer     the hospital's audit server ({@code jdbc:postgresql://…}, checked by {@code ServerUrl}) when
 *                        {@code auditDatabase} names one, else {@code null}: entries go to the local SQLite file.
 *                        With a server, {@code auditDatabase} is the local spool file (docs/hospital-deployment.md),
 *                        beside which the e-certificate lists and paper centres are kept as usual
 */
public record Config(String endpoint, String accountId, Path secretFile, String operatorId, String workstation,
                     Path auditDatabase, Path auditKeyFile, Duration timeout, BigDecimal standardDeposit,
                     Path policyFile, Duration autoClear, Locale locale, Path caBundle,
                     List<String> certificatePins, boolean askOperator, EcertSettings ecert, String auditServer) {

    public Config {
        certificatePins = certificatePins == null ? List.of() : List.copyOf(certificatePins);
        ecert = ecert == null ? EcertSettings.DEFAULTS : ecert;
    }

    /** With the local SQLite audit log. */
    public Config(String endpoint, String accountId, Path secretFile, String operatorId, String workstation,
                  Path auditDatabase, Path auditKeyFile, Duration timeout, BigDecimal standardDeposit,
                  Path policyFile, Duration autoClear, Locale locale, Path caBundle, List<String> certificatePins,
                  boolean askOperator, EcertSettings ecert) {
        this(endpoint, accountId, secretFile, operatorId, workstation, auditDatabase, auditKeyFile, timeout,
                standardDeposit, policyFile, autoClear, locale, caBundle, certificatePins, askOperator, ecert, null);
    }

    /** With the spec's e-certificate list ages and no configured root key. */
    public Config(String endpoint, String accountId, Path secretFile, String operatorId, String workstation,
                  Path auditDatabase, Path auditKeyFile, Duration timeout, BigDecimal standardDeposit,
                  Path policyFile, Duration autoClear, Locale locale, Path caBundle, List<String> certificatePins,
                  boolean askOperator) {
        this(endpoint, accountId, secretFile, operatorId, workstation, auditDatabase, auditKeyFile, timeout,
                standardDeposit, policyFile, autoClear, locale, caBundle, certificatePins, askOperator, null);
    }

    /** The operator id from the OS user or the configuration, never asked. */
    public Config(String endpoint, String accountId, Path secretFile, String operatorId, String workstation,
                  Path auditDatabase, Path auditKeyFile, Duration timeout, BigDecimal standardDeposit,
                  Path policyFile, Duration autoClear, Locale locale, Path caBundle, List<String> certificatePins) {
        this(endpoint, accountId, secretFile, operatorId, workstation, auditDatabase, auditKeyFile, timeout,
                standardDeposit, policyFile, autoClear, locale, caBundle, certificatePins, false);
    }

    /** With the system trust store and no pins. */
    public Config(String endpoint, String accountId, Path secretFile, String operatorId, String workstation,
                  Path auditDatabase, Path auditKeyFile, Duration timeout, BigDecimal standardDeposit,
                  Path policyFile, Duration autoClear, Locale locale) {
        this(endpoint, accountId, secretFile, operatorId, workstation, auditDatabase, auditKeyFile, timeout,
                standardDeposit, policyFile, autoClear, locale, null, List.of());
    }

    /** With the operator id the clerk gave at start; nothing is asked any more. */
    public Config withOperatorId(String id) {
        return new Config(endpoint, accountId, secretFile, id, workstation, auditDatabase, auditKeyFile, timeout,
                standardDeposit, policyFile, autoClear, locale, caBundle, certificatePins, false, ecert, auditServer);
    }

    /** Whether entries go to the hospital's audit server (with the local spool at {@link #auditDatabase()}). */
    public boolean isAuditServer() {
        return auditServer != null;
    }

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
