package com.waiverdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.ConnectionTexts;
import com.waiverdesk.app.DemoConnection;
import com.waiverdesk.app.LockedSettingException;
import com.waiverdesk.app.Wiring;
import com.waiverdesk.verification.ConnectionReport;
import com.waiverdesk.verification.ConnectionTest;
import com.waiverdesk.verification.ServiceAccount;
import com.waiverdesk.verification.TlsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code test-connection}: the settings screen's "test connection" for IT at a terminal. Prints each step and the
 * diagnosis in the configured language; the exit status is the diagnosis's code, so a script can tell them apart.
 */
@Command(name = "test-connection", mixinStandardHelpOptions = true,
        description = "Send one signed health check to the verification service and say which step fails and why"
                + " (address, DNS, TCP, TLS, clock, secret, account). Without a service URL (--endpoint or the"
                + " configuration), tests the built-in demo service the desk would run, and says so first. Only"
                + " --config, --endpoint, --account, --secret-file and --lang matter here.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the connection works", "10:works, but the workstation clock is near the 300 s limit",
                "20-22:address or CA bundle unusable", "30:DNS", "31-33:TCP connection (refused, timed out, failed)",
                "40-45:TLS (untrusted, expired, host name, pin, old protocol, other)",
                "50-55:refused by the service (clock skew, bad signature, unknown account, account disabled,"
                        + " purpose not allowed, other)",
                "60-63:not the service, service failing, rate limited, no answer",
                "1:the configuration could not be read", "64:wrong command-line usage"})
final class TestConnectionCommand implements Callable<Integer> {
    static final int EXIT_CONFIG = 1;
    private static final System.Logger LOG = System.getLogger(TestConnectionCommand.class.getName());

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config;
        ServiceAccount account;
        TlsSettings tls;
        try {
            config = options.resolve(AppPaths.forCurrentUser(), System.getenv());
            if (config.isDemo()) {
                return testDemo(config, out, err);
            }
            account = Wiring.serviceAccount(config);
            HttpUrl url = HttpUrl.parse(config.endpoint().trim());
            tls = new TlsSettings(config.caBundle(), config.certificatePins(), url == null ? null : url.host());
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("waiverdesk test-connection: " + e.getMessage());
            return e instanceof LockedSettingException ? Cli.EXIT_USAGE : EXIT_CONFIG;
        }
        return print(run(account, tls), new ConnectionTexts(config.locale()), out);
    }

    /** No service URL: the desk would run the built-in demo, so that is tested (as the settings screen does). */
    private static int testDemo(Config config, PrintWriter out, PrintWriter err) {
        ConnectionTexts texts = new ConnectionTexts(config.locale());
        try {
            DemoConnection.Tested tested = DemoConnection.test(engine());
            out.println(texts.demoLine(tested.baseUrl()));
            return print(tested.report(), texts, out);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "demo service did not start", e);
            err.println("waiverdesk test-connection: the built-in demo service did not start: " + e.getMessage());
            return EXIT_CONFIG;
        }
    }

    private static ConnectionReport run(ServiceAccount account, TlsSettings tls) {
        return engine().run(account, tls);
    }

    private static ConnectionTest engine() {
        return new ConnectionTest(new ObjectMapper(), Clock.systemUTC(), ConnectionTest.DEFAULT_BUDGET);
    }

    private static int print(ConnectionReport report, ConnectionTexts texts, PrintWriter out) {
        texts.lines(report).forEach(out::println);
        return report.diagnosis().code();
    }
}
