package com.waiverdesk.cli;

import com.waiverdesk.mock.FaultSpec;
import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.mock.SecretFile;
import com.waiverdesk.mock.SyntheticRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mock-server}: the bundled verification service, standalone on 127.0.0.1, until Ctrl-C. */
@Command(name = "mock-server", mixinStandardHelpOptions = true,
        description = "Serve the verification API on 127.0.0.1 from synthetic people, verifying signatures like the"
                + " real service. For demos, tests and partners; never for real admissions.")
final class MockServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port (default: a free one).")
    int port;

    @Option(names = "--data", paramLabel = "FILE", description = "Registry of synthetic people (default: the built-in set; schema in docs/mock-service.md).")
    Path data;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Injected faults, e.g. latency=200ms,error=0.1:503,malformed=0.05,seed=42 (docs/mock-service.md).")
    String faults;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "The demo account's secret: read if the file exists, else created with a new random secret (default: a new file in the temp folder).")
    Path secretFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FaultSpec faultSpec;
        try {
            faultSpec = faults == null ? FaultSpec.none() : FaultSpec.parse(faults);
        } catch (IllegalArgumentException e) {
            err.println("mock-server: --faults: " + e.getMessage());
            return Cli.EXIT_USAGE;
        }
        SyntheticRegistry registry;
        try {
            registry = data == null ? SyntheticRegistry.builtIn() : SyntheticRegistry.load(data);
        } catch (IOException | RuntimeException e) {
            err.println("mock-server: cannot use the data file " + data + ": " + e.getMessage());
            return 1;
        }
        Path secretPath = secretFile != null ? secretFile
                : Files.createTempDirectory("waiverdesk-mock").resolve("secret");
        byte[] secret = SecretFile.loadOrCreate(secretPath);
        MockVerificationService service = MockVerificationService.builder().port(port).registry(registry)
                .faults(faultSpec).account(MockAccount.demo(secret)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "mock-server-stop"));
        out.println("WaiverDesk mock verification service (synthetic data, not for real admissions)");
        out.println("  URL:         " + service.baseUrl());
        out.println("  account id:  " + service.accountId());
        out.println("  secret file: " + secretPath.toAbsolutePath());
        out.println("  faults:      " + faultSpec);
        out.println("  people:      " + registry.people().size() + (data == null ? " (built-in)" : " from " + data));
        out.println("Try: java -jar waiverdesk.jar check --endpoint " + service.baseUrl() + " --account "
                + service.accountId() + " --secret-file " + secretPath.toAbsolutePath() + " --name NAME --id ID");
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
