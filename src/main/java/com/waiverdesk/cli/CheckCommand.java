package com.waiverdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.CheckResult;
import com.waiverdesk.app.CheckService;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.LockedSettingException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.Desk;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.app.PaperEntry;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.Rfc3339;
import com.waiverdesk.domain.DecisionKind;
import java.io.IOException;
import com.waiverdesk.verification.ecert.QrImages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: exactly the window's check, printed as one JSON object with the exit code of {@code cli.md}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Verify one person and print the decision as JSON. Without --endpoint or a configuration file,"
                + " the built-in demo service answers.")
final class CheckCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(CheckCommand.class.getName());

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Patient name as on the ID card.")
    String name;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "18-character resident ID number, or - to"
            + " read it from standard input (one line), which keeps it out of the process list and the shell history.")
    String id;

    @Option(names = "--business-ref", paramLabel = "REF", defaultValue = "", description = "Admission number, sent to the service for its audit trail.")
    String businessRef;

    @Option(names = "--ecert", paramLabel = "TEXT", description = "Decide from an e-certificate: the QR text as a"
            + " scanner types it, or - to read it from standard input (one line).")
    String ecert;

    @Option(names = "--ecert-image", paramLabel = "FILE", description = "Decide from an e-certificate read from a"
            + " photo or screenshot of its QR code (PNG or JPEG).")
    Path ecertImage;

    @Option(names = "--paper-cert", paramLabel = "NUMBER", description = "Record a paper certificate (its number) when"
            + " the live check does not waive: could not verify, no record or expired. Needs the three --paper-*"
            + " options below; giving them confirms the original was seen.")
    String paperNumber;

    @Option(names = "--paper-centre", paramLabel = "CENTRE", description = "The community affairs centre that issued"
            + " the paper certificate.")
    String paperCentre;

    @Option(names = "--paper-issued", paramLabel = "YYYY-MM-DD", description = "The paper certificate's issue date.")
    String paperIssued;

    @Option(names = "--paper-category", paramLabel = "CODE", description = "The assistance category the paper"
            + " certificate names, e.g. SUBSISTENCE_ALLOWANCE.")
    String paperCategory;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Config config;
        try {
            config = options.resolve(AppPaths.forCurrentUser(), System.getenv());
        } catch (LockedSettingException e) {
            err.println("waiverdesk check: " + e.getMessage());
            return Cli.EXIT_USAGE;
        } catch (ConfigException e) {
            err.println("waiverdesk check: " + e.getMessage());
            return 1;
        }
        String usage = proofUsage();
        if (usage != null) {
            err.println("waiverdesk check: " + usage);
            return Cli.EXIT_USAGE;
        }
        LocalDate issued = null;
        if (paperNumber != null) {
            issued = Rfc3339.date(paperIssued).orElse(null);
            if (issued == null) {
                err.println("waiverdesk check: --paper-issued: not a date YYYY-MM-DD: " + paperIssued);
                return Cli.EXIT_USAGE;
            }
        }
        if ("-".equals(id) && "-".equals(ecert)) {
            err.println("waiverdesk check: only one of --id and --ecert can read standard input");
            return Cli.EXIT_USAGE;
        }
        String rawId;
        String text;
        try {
            rawId = "-".equals(id) ? StandardInput.line(System.in) : id;
            text = "-".equals(ecert) ? StandardInput.line(System.in) : ecert;
        } catch (IOException e) {
            err.println("waiverdesk check: " + ("-".equals(id) ? "--id -: " : "--ecert -: ") + e.getMessage());
            return Cli.EXIT_USAGE;
        }
        if (ecertImage != null) {
            QrImages.Decoded decoded = QrImages.decode(ecertImage);
            if (!decoded.found()) {
                err.println("waiverdesk check: --ecert-image " + ecertImage + ": " + switch (decoded.problem()) {
                    case NOT_AN_IMAGE -> "not a PNG or JPEG image that can be read";
                    case IMAGE_TOO_LARGE -> "the image is too large";
                    default -> "no QR code found in the image";
                } + "; nothing was checked");
                return Cli.EXIT_USAGE;
            }
            text = decoded.text();
        }
        try (Desk desk = Wiring.start(config)) {
            CheckResult result;
            if (text != null) {
                result = desk.checkEcert(text, name, rawId, false, businessRef);
            } else {
                result = desk.check(name, rawId, businessRef);
                if (paperNumber != null && desk.offersPaper(result)) {
                    result = desk.recordPaper(result, new PaperEntry(name, rawId, paperNumber, paperCentre, issued,
                            paperCategory, true, businessRef));
                } else if (paperNumber != null) {
                    err.println("waiverdesk check: the paper certificate was not recorded: the live check decided "
                            + result.decision().kind() + " (" + CheckService.reasonCode(result.decision()) + ")"
                            + (desk.paperTerms().accepted() ? "" : "; the policy does not accept paper certificates"));
                }
            }
            spec.commandLine().getOut().println(toJson(result, desk.isDemo()));
            return exitCode(result.decision().kind());
        } catch (AuditWriteException e) {
            // the one line below says it all; the stack trace only with -Djava.util.logging.config.file at FINE
            LOG.log(System.Logger.Level.DEBUG, "audit write failed: " + e.kind(), e);
            err.println("waiverdesk check: the audit record could not be written (" + e.kind() + "): "
                    + sentence(e.getMessage()) + " No decision is given.");
            return 1;
        } catch (ConfigException e) {
            // a missing secret, policy file or CA bundle: a message for IT, not a stack trace
            LOG.log(System.Logger.Level.DEBUG, "check could not start", e);
            err.println("waiverdesk check: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "check failed", e);
            err.println("waiverdesk check: " + e.getMessage());
            return 1;
        }
    }

    /** What is wrong with the combination of proof options, or {@code null}. */
    private String proofUsage() {
        boolean anyPaper = paperNumber != null || paperCentre != null || paperIssued != null || paperCategory != null;
        boolean allPaper = paperNumber != null && paperCentre != null && paperIssued != null && paperCategory != null;
        if (anyPaper && !allPaper) {
            return "a paper certificate needs all of --paper-cert, --paper-centre, --paper-issued and --paper-category";
        }
        if (ecert != null && ecertImage != null) {
            return "give the e-certificate either as text (--ecert) or as an image (--ecert-image), not both";
        }
        if (anyPaper && (ecert != null || ecertImage != null)) {
            return "give either an e-certificate (--ecert) or a paper certificate (--paper-*), not both";
        }
        return null;
    }

    static int exitCode(DecisionKind kind) {
        switch (kind) {
            case INVALID_INPUT:
                return 2;
            case CANNOT_VERIFY:
                return 3;
            default:
                return 0;
        }
    }

    /** A message as one sentence: exactly one full stop at its end, however the message ended. */
    static String sentence(String message) {
        String s = String.valueOf(message).strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s + ".";
    }

    /** @param demoDesk whether the desk runs against the built-in demo service */
    static String toJson(CheckResult result, boolean demoDesk) {
        ObjectMapper json = new ObjectMapper();
        Decision decision = result.decision();
        ObjectNode node = json.createObjectNode();
        node.put("decision", decision.kind().name());
        if (decision.depositPercent() == null) {
            node.putNull("depositPercent");
        } else {
            node.put("depositPercent", decision.depositPercent());
        }
        node.put("reason", CheckService.reasonCode(decision));
        node.put("followUp", decision.followUp().name());
        ArrayNode categories = node.putArray("categories");
        decision.reportedCategories().forEach(categories::add);
        node.put("maskedId", result.maskedId());
        result.amountDue().ifPresent(amount -> node.put("amountDue", amount));
        node.put("requestId", result.requestId().orElse(null));
        node.put("checkedAt", result.checkedAt().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null));
        // the server's seq; negative while the entry waits in the local spool for the audit server
        node.put("auditId", result.auditSeq());
        node.put("auditWaiting", result.auditSeq() < 0);
        node.put("channel", result.channel().name());
        result.ecert().ifPresent(finding -> node.put("certId", finding.certId()));
        // a script must never take the demo's answer for the municipal service's
        // an e-certificate or paper decision on the demo desk rests on the demo's keys and lists or its answer
        node.put("demo", demoDesk && (result.outcome() != null && result.outcome().isAnswered()
                || result.channel() != Channel.LIVE_QUERY && decision.kind() != DecisionKind.INVALID_INPUT));
        return node.toString();
    }
}
