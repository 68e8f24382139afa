package com.waiverdesk;

import com.waiverdesk.app.AppLogging;
import com.waiverdesk.app.AppPaths;
import com.waiverdesk.cli.Cli;
import com.waiverdesk.ui.DeskLauncher;

/** Picks the face: a headless command when one is named, else the desk window. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        if (Cli.handles(args)) {
            if (System.getProperty("java.util.logging.config.file") == null) {
                java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
            }
            System.exit(Cli.run(args));
        }
        boolean ownLogging = System.getProperty("java.util.logging.config.file") == null;
        // the log files are opened while the toolkit starts on its own thread, not before it
        DeskLauncher.launch(args, () -> {
            if (ownLogging) {
                AppLogging.install(AppPaths.forCurrentUser().logDir());
            }
        });
    }
}
