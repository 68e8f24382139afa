package com.waiverdesk.ui;

import com.waiverdesk.app.AppPaths;
import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.app.DeskStart;
import com.waiverdesk.app.LoadedConfig;
import com.waiverdesk.app.LockedSettingException;
import com.waiverdesk.ui.common.UiFont;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Opens the desk window: starts the toolkit, reads options and configuration on the main thread meanwhile, begins
 * wiring the desk and shows the window. A bad configuration still opens the window, which tells the clerk to call IT.
 */
public final class DeskLauncher {
    /** As the headless commands: sysexits' EX_USAGE. */
    private static final int EXIT_USAGE = 64;

    private DeskLauncher() {
    }

    /**
     * Made when first needed, not when the class loads: the first System.getLogger finds the logging backend
     * (~20 ms), which would otherwise delay the toolkit's start that everything on screen waits for.
     */
    private static System.Logger log() {
        return System.getLogger(DeskLauncher.class.getName());
    }

    @Command(name = "gui", description = "Open the desk window (the default).", mixinStandardHelpOptions = true)
    static final class GuiOptions {
        @Mixin
        ConfigOptions config = new ConfigOptions();
    }

    /**
     * Starts the toolkit on its own thread while this one sets up logging, parses the options and reads the
     * configuration, then shows the window: the two overlap, which shortens the start on a 2-core workstation.
     */
    public static void launch(String[] args, Runnable whileToolkitStarts) {
        CountDownLatch toolkitReady = new CountDownLatch(1);
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(toolkitReady::countDown);
            } catch (RuntimeException | Error e) {
                // e.g. no display: say so and end, rather than wait for a window that cannot come
                log().log(System.Logger.Level.ERROR, "cannot open a window", e);
                System.err.println("WaiverDesk: cannot open a window (" + e.getMessage() + "). On a machine without"
                        + " a display, use the headless commands: waiverdesk --help");
                System.exit(1);
            }
        }, "fx-startup");
        starter.start();
        whileToolkitStarts.run();
        GuiOptions options = new GuiOptions();
        String[] guiArgs = args.length > 0 && args[0].equals("gui") ? Arrays.copyOfRange(args, 1, args.length) : args;
        // a clerk's desk starts without options: picocli's reflection (its classes cannot be in the AppCDS archive)
        // costs a few hundred ms of a 2-core start, and with no options the defaults are all it would give
        if (guiArgs.length > 0 && !parse(options, guiArgs)) {
            return;
        }
        AppPaths paths = AppPaths.forCurrentUser();
        LoadedConfig config = null;
        ConfigException problem = null;
        try {
            config = options.config.load(paths, System.getenv());
        } catch (LockedSettingException e) {
            System.err.println("WaiverDesk: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        } catch (ConfigException e) {
            log().log(System.Logger.Level.ERROR, "configuration: " + e.getMessage());
            System.err.println("WaiverDesk: " + e.getMessage());
            problem = e;
        }
        // the desk is wired while the toolkit starts and the first frame is drawn, not after them; a clerk who
        // types an operator id first gets a desk wired after the dialog
        DeskStart early = config == null || config.config().askOperator() ? null : DeskStart.begin(config.config());
        // made here, not on the FX thread: its words and view model are ready when the toolkit is
        DeskWindow window = new DeskWindow(config, problem, options.config, paths, true, early);
        awaitUninterruptibly(toolkitReady);
        Platform.runLater(window::show);
        // while the FX thread builds the window, this thread reads the CJK font faces its first frame will need
        try {
            UiFont.preload();
        } catch (RuntimeException e) {
            log().log(System.Logger.Level.WARNING, "preloading the UI fonts", e);
        }
    }

    /** Parses the options; false (after exiting the process, or printing help) when the desk must not open. */
    private static boolean parse(GuiOptions options, String[] guiArgs) {
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(guiArgs);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            line.usage(System.err);
            System.exit(EXIT_USAGE);
            return false;
        }
        if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
            line.usage(System.out);
            System.exit(0);
            return false;
        }
        return true;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
