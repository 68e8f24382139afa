package com.waiverdesk.cli;

import com.waiverdesk.mock.DemoCertificates;
import com.waiverdesk.verification.ecert.QrImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecert}: tools for the e-certificate channel; {@code ecert sample} writes the demo's sample QR codes. */
@Command(name = "ecert", mixinStandardHelpOptions = true, description = "E-certificate tools.",
        subcommands = EcertCommand.Sample.class)
final class EcertCommand {
    /** {@code ecert sample --out DIR}. */
    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Write sample e-certificates of the built-in demo people, signed with the demo keys: for"
                    + " each outcome a .txt (the QR text) and a .png (the QR code), and index.txt naming the patient"
                    + " to type for each. They verify only against the demo root (the built-in demo service or"
                    + " mock-server), for about a year from today.")
    static final class Sample implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into"
                + " (created if missing; files of the same names are replaced).")
        Path out;

        @Spec
        CommandSpec spec;

        private final Clock clock;

        Sample() {
            this(Clock.systemUTC());
        }

        Sample(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<DemoCertificates.Sample> samples = new DemoCertificates().samples(clock.instant());
            StringBuilder index = new StringBuilder("# WaiverDesk demo e-certificates (synthetic people, demo keys:"
                    + " never valid outside the demo)\n# file\tpatient name\tpatient ID\tdesk's decision\n");
            try {
                Files.createDirectories(out);
                for (DemoCertificates.Sample sample : samples) {
                    String name = sample.kind().fileName();
                    Files.writeString(out.resolve(name + ".txt"), sample.text() + "\n", StandardCharsets.US_ASCII);
                    QrImages.encodePng(sample.text(), out.resolve(name + ".png"));
                    index.append(name).append('\t').append(sample.patientName()).append('\t')
                            .append(sample.patientId()).append('\t').append(sample.kind().outcome()).append('\n');
                    // tabs, not padding: a Chinese name is two columns wide per character in a terminal
                    stdout.println(name + ".png\t" + sample.patientName() + "\t" + sample.kind().outcome());
                }
                Files.writeString(out.resolve("index.txt"), index, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("ecert sample: cannot write to " + out + ": " + e.getMessage());
                return 1;
            }
            stdout.println(samples.size() + " samples in " + out.toAbsolutePath() + " (index.txt: the patient for"
                    + " each)");
            return 0;
        }
    }
}
