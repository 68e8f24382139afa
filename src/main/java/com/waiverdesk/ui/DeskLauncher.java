package com.waiverdesk.ui;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.Config;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import javafx.application.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Opens the desk window: reads options and configuration on the main thread, then starts the toolkit and shows the
 * window. A bad configuration still opens the window, which tells the clerk to call IT.
 */
public final class DeskLauncher {
    private static final System.Logger LOG = System.getLogger(DeskLauncher.class.getName());

    private DeskLauncher() {
    }

    @Command(name = "gui", description = "Open the desk window (the default).", mixinStandardHelpOptions = true)
    static final class GuiOptions {
        @Mixin
        ConfigOptions config = new ConfigOptions();
    }

    /** Parses {@code gui} options; returns false (after printing why) if the arguments are wrong. */
    public static void launch(String[] args) {
        GuiOptions options = new GuiOptions();
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            line.usage(System.err);
            System.exit(2);
            return;
        }
        if (line.isUsageHelpRequested()) {
            line.usage(System.out);
            return;
        }
        Config config = null;
        ConfigException problem = null;
        try {
            config = options.config.resolve(AppPaths.forCurrentUser(), System.getenv());
        } catch (ConfigException e) {
            LOG.log(System.Logger.Level.ERROR, "configuration: " + e.getMessage());
            System.err.println("WaiverDesk: " + e.getMessage());
            problem = e;
        }
        Config resolved = config;
        ConfigException failure = problem;
        Platform.startup(() -> new DeskWindow(resolved, failure).show());
    }
}
