package com.waiverdesk.app;

import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.PaperPolicy;
import com.waiverdesk.domain.PolicyRule;
import com.waiverdesk.verification.HealthStatus;
import com.waiverdesk.verification.VerificationClient;
import com.waiverdesk.verification.ecert.EcertText;
import com.waiverdesk.verification.ecert.QrImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A running desk: the check, the service's health and the settings the window shows, for one operator at one
 * workstation. Built by {@link Wiring}; closing it releases the audit database and stops a built-in demo service.
 */
public final class Desk implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Desk.class.getName());

    private final Config config;
    private final CheckService checks;
    private final VerificationClient client;
    private final DepositPolicy policy;
    private final List<AutoCloseable> resources;
    private final Runnable warmUp;
    private final EcertJudge ecert;
    private final PaperCentres centres;
    private final EcertLists lists;
    private EcertListRefresher refresher;
    private com.waiverdesk.audit.spool.Forwarder forwarder;

    public Desk(Config config, CheckService checks, VerificationClient client, DepositPolicy policy,
         List<AutoCloseable> resources) {
        this(config, checks, client, policy, resources, () -> { });
    }

    /** @param warmUp what {@link #warmUp()} does */
    public Desk(Config config, CheckService checks, VerificationClient client, DepositPolicy policy,
                List<AutoCloseable> resources, Runnable warmUp) {
        this(config, checks, client, policy, resources, warmUp, null, null, null);
    }

    /**
     * @param ecert   reads e-certificates for {@link #peekEcert}; {@code null} when none can be checked
     * @param centres the paper certificates' centres remembered for suggestions; {@code null} for none
     */
    public Desk(Config config, CheckService checks, VerificationClient client, DepositPolicy policy,
                List<AutoCloseable> resources, Runnable warmUp, EcertJudge ecert, PaperCentres centres) {
        this(config, checks, client, policy, resources, warmUp, ecert, null, centres);
    }

    Desk(Config config, CheckService checks, VerificationClient client, DepositPolicy policy,
         List<AutoCloseable> resources, Runnable warmUp, EcertJudge ecert, EcertLists lists, PaperCentres centres) {
        this.lists = lists;
        this.ecert = ecert;
        this.centres = centres;
        this.config = config;
        this.checks = ecert == null ? checks : checks.withEcert(ecert);
        this.client = client;
        this.policy = policy;
        this.resources = new ArrayList<>(resources);
        this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
    }

    /**
     * Work the desk does not need to be shown and used, but the first check would otherwise wait for: the built-in
     * demo service reads its registry. The window calls it on a worker once it is drawn. Blocking.
     */
    public void warmUp() {
        warmUp.run();
    }

    /** Runs one check for this desk's operator. Blocking. */
    public CheckResult check(String rawName, String rawId, String businessRef) throws AuditWriteException {
        return checks.check(new CheckRequest(rawName, rawId, config.operatorId(), businessRef));
    }

    /**
     * Checks an e-certificate for this desk's operator (e-certificate.md). Blocking: crypto, network, disk.
     *
     * @param holderFromCertificate name and ID were filled from the certificate and the clerk confirmed them
     */
    public CheckResult checkEcert(String text, String rawName, String rawId, boolean holderFromCertificate,
                                  String businessRef) throws AuditWriteException {
        return checks.checkEcert(new EcertCheckRequest(text, rawName, rawId, config.operatorId(), businessRef,
                holderFromCertificate));
    }

    /** The holder a certificate names, read without verifying (to fill empty fields). Blocking: decoding. */
    public Optional<EcertHolder> peekEcert(String text) {
        return ecert == null || text == null || !EcertText.isCertificateText(text.strip()) ? Optional.empty()
                : ecert.peek(text.strip());
    }

    /**
     * The text of the QR code in an image file (photo or screenshot, PNG or JPEG), if one is found. Blocking:
     * decoding.
     */
    public Optional<String> decodeQr(Path image) {
        return found(QrImages.decode(image));
    }

    /** The text of the QR code in ARGB pixels (an image pasted from the clipboard), if one is found. Blocking. */
    public Optional<String> decodeQr(int[] argb, int width, int height) {
        return found(QrImages.decode(argb, width, height));
    }

    private static Optional<String> found(QrImages.Decoded decoded) {
        if (!decoded.found()) {
            LOG.log(System.Logger.Level.INFO, "no QR code read from the image: {0}", decoded.problem());
            return Optional.empty();
        }
        return Optional.of(decoded.text());
    }

    /** How old the e-certificate lists held are, against the ages allowed; empty when this desk has none. */
    public Optional<EcertListStore.Freshness> ecertFreshness() {
        return lists == null ? Optional.empty() : Optional.of(lists.freshness());
    }

    /**
     * Refreshes the e-certificate lists now and then hourly on a timer thread of their own until the desk closes,
     * telling {@code listener} (on that thread) their freshness after each try. The window calls it once it is
     * drawn; {@code check} does not (it fetches the lists when it first needs them). A second call does nothing.
     */
    public synchronized void watchEcertLists(Consumer<EcertListStore.Freshness> listener) {
        if (lists != null && refresher == null) {
            refresher = lists.refresher(listener);
            refresher.start();
        }
    }

    /** The audit server's side of this desk, or empty when its log is the local SQLite file. */
    private Optional<ServerAudit> serverAudit() {
        return resources.stream().filter(ServerAudit.class::isInstance).map(ServerAudit.class::cast).findFirst();
    }

    /** The audit server this desk writes to ({@code user@host:port/db}), or empty for a local log. */
    public Optional<String> auditServer() {
        return serverAudit().map(server -> server.url().describe());
    }

    /**
     * With an audit server: forwards the entries waiting in the local spool on a timer thread of its own (now, then
     * every 15 s while any wait) and tells {@code listener}, on whichever thread made the change, how many wait after
     * each change. The window calls it once it is drawn; {@code check} does not (its own entry forwards what waits
     * first). Nothing happens for a local log or on a second call.
     */
    public synchronized void watchAudit(java.util.function.IntConsumer listener) {
        Optional<ServerAudit> server = serverAudit();
        if (server.isPresent() && forwarder == null) {
            server.get().log().onWaitingChanged(listener);
            forwarder = com.waiverdesk.audit.spool.Forwarder.start(server.get().log(),
                    com.waiverdesk.audit.spool.Forwarder.DEFAULT_INTERVAL);
        }
    }

    /** Whether the card offers the paper form after {@code result}: paper is accepted and has something to add. */
    public boolean offersPaper(CheckResult result) {
        return policy.paper().accepted() && PaperPolicy.situationAfter(result.decision()).isPresent();
    }

    /**
     * Records a paper certificate for the patient of {@code earlier} (see {@link CheckService#recordPaper}) and
     * remembers its centre for the next suggestions. Blocking: disk.
     */
    public CheckResult recordPaper(CheckResult earlier, PaperEntry paper) throws AuditWriteException {
        CheckResult result = checks.recordPaper(earlier, paper, config.operatorId());
        if (centres != null && result.decision().kind() != DecisionKind.INVALID_INPUT) {
            centres.remember(paper.centre());
        }
        return result;
    }

    /** The policy's paper terms and the categories the form offers. */
    public PaperTerms paperTerms() {
        PaperPolicy paper = policy.paper();
        return new PaperTerms(paper.accepted(), paper.maxAgeDays(),
                policy.rules().stream().map(PolicyRule::category).toList());
    }

    /** Centres named by earlier paper certificates at this desk, most recent first. Blocking: disk. */
    public List<String> paperCentres() {
        return centres == null ? List.of() : centres.list();
    }

    /** Records that this desk never showed the decision of {@code result} (see {@link CheckService#recordNotShown}). */
    public void recordNotShown(CheckResult result) throws AuditWriteException {
        checks.recordNotShown(result, config.operatorId());
    }

    /** A signed health check of the service. Blocking. */
    public HealthStatus checkHealth() {
        return client.checkHealth();
    }

    /** The configuration this desk runs with. */
    public Config config() {
        return config;
    }

    public boolean isDemo() {
        return config.isDemo();
    }

    public String operatorId() {
        return config.operatorId();
    }

    public String workstation() {
        return config.workstation();
    }

    public Duration autoClear() {
        return config.autoClear();
    }

    public Locale locale() {
        return config.locale();
    }

    /** The policy's own label of a category for the language, if the policy file gives one. */
    public Optional<String> categoryLabel(String code, Locale locale) {
        return policy.rule(code).map(PolicyRule::labels).map(labels -> labels.get(locale.getLanguage()));
    }

    public String policyId() {
        return policy.id();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (refresher != null) {
                refresher.close();
            }
            if (forwarder != null) {
                forwarder.close();
            }
        }
        closeAll(resources);
    }

    /** Closes in reverse order of opening; a failure is logged and the rest still closed. */
    static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resources.get(i).getClass().getSimpleName(), e);
            }
        }
        resources.clear();
    }
}
