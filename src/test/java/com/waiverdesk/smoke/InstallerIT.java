package com.waiverdesk.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs scripts/test-deb.sh: builds the .deb, installs an older and then this version system-wide, checks that the
 * upgrade keeps configuration, secret and audit database, starts the installed desk under Xvfb, benchmarks its start
 * and removes it. It changes the machine and takes about 4 minutes, so it runs only in CI ({@code CI=true}, as
 * .ci/run is started) or when asked with {@code -Dinstaller.test=true}, as root with dpkg, jpackage and Xvfb.
 */
class InstallerIT {
    private static final Path SCRIPT = Path.of("scripts", "test-deb.sh");
    private static final Path LOG = Path.of("target", "installer-test.log");

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean root() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return id.waitFor() == 0 && uid.equals("0");
    }

    @Test
    void debInstallsUpgradesKeepingUserDataStartsAndUninstalls() throws Exception {
        assumeTrue("true".equals(System.getenv("CI")) || Boolean.getBoolean("installer.test"),
                "the installer test changes the machine (installs the .deb system-wide) and takes minutes: it runs in"
                        + " CI (CI=true) or with -Dinstaller.test=true; or run sudo scripts/test-deb.sh");
        // asked for and unable to run is a failure, not a skip: a CI that passed must have tested the installer
        assertThat(onPath("dpkg") && onPath("jpackage") && onPath("fakeroot") && onPath("Xvfb")
                        && onPath("xdotool") && onPath("import") && root())
                .as("the installer test needs root, dpkg, jpackage, fakeroot, xvfb, xdotool and imagemagick (.ci/run"
                        + " installs them; run it as root)").isTrue();
        Files.createDirectories(LOG.getParent());
        Process test = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(LOG.toFile()).start();
        boolean ended = test.waitFor(20, TimeUnit.MINUTES);
        if (!ended) {
            test.destroyForcibly();
        }
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(ended).as("scripts/test-deb.sh ended within 20 minutes; its output:%n%s", log).isTrue();
        assertThat(test.exitValue()).as("scripts/test-deb.sh's exit code; its output:%n%s", log).isZero();
        assertThat(log).contains("test-deb: all steps passed");
        assertThat(Path.of("target", "installer", "installed.png")).isNotEmptyFile();
    }
}
