package io.bulkcall.cli;

import java.io.PrintWriter;
import java.util.List;

import io.bulkcall.BulkcallApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts bulkcall: checks the command line first, so that {@code --help} and usage errors need
 * neither settings nor a database, then the settings ({@link SettingsCheck}), so that a bad one is
 * reported before the database or the network is touched, then starts Spring, which runs the
 * command. Whatever goes wrong ends in one line and the exit code README.md documents, never a stack
 * trace on the console.
 */
public final class BulkcallLauncher {

    private static final Logger diagnostics = LoggerFactory.getLogger("bulkcall.diagnostics");

    private BulkcallLauncher() {
    }

    public static int launch(String... args) {
        return launch(List.of(), args);
    }

    /**
     * As {@link #launch(String...)}, with initializers run on the context before it starts: tests hand
     * the job the clock their stand-in for Cartesia runs on.
     */
    public static int launch(List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers,
            String... args) {
        CommandLine parser = new CommandLine(new BulkcallCommand(null));
        PrintWriter err = parser.getErr();
        boolean dials;
        try {
            ParseResult parsed = parser.parseArgs(Arguments.of(args).commandArray());
            if (CommandLine.executeHelpRequest(parsed) != null) {
                return ExitCodes.COMPLETED;
            }
            dials = BulkcallCommand.dials(parsed);
        }
        catch (ParameterException usage) {
            err.println("bulkcall: " + usage.getMessage());
            err.println("Try 'bulkcall --help' for the commands and their arguments.");
            err.flush();
            return ExitCodes.USAGE;
        }
        GracefulStop gracefulStop = new GracefulStop();
        SpringApplication application = new SpringApplication(BulkcallApplication.class);
        // Ctrl-C and SIGTERM stop the jobs first and let them close the context (GracefulStop); a
        // shutdown hook would close it under them
        application.setRegisterShutdownHook(false);
        application.addInitializers(new SettingsCheck(dials));
        application.addInitializers(gracefulStop::watch);
        initializers.forEach(application::addInitializers);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return SpringApplication.exit(context);
        }
        catch (RuntimeException failure) {
            diagnostics.error("Start-up failed", failure);
            err.println("bulkcall: " + StartupFailure.oneLine(failure));
            err.flush();
            return StartupFailure.exitCode(failure);
        }
        finally {
            gracefulStop.done();
        }
    }
}
