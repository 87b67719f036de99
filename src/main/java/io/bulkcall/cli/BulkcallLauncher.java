package io.bulkcall.cli;

import java.io.PrintWriter;
import java.util.List;

import io.bulkcall.metrics.NoPush;
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

    /**
     * @param application the application's {@code @SpringBootApplication} class
     * @return the exit code
     */
    public static int launch(Class<?> application, String... args) {
        return launch(application, List.of(), args);
    }

    /**
     * As {@link #launch(Class, String...)}, with initializers run on the context before it starts: tests
     * hand the job the clock their stand-in for Cartesia runs on.
     */
    public static int launch(Class<?> application,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers, String... args) {
        CommandLine parser = new CommandLine(new BulkcallCommand(null));
        PrintWriter err = parser.getErr();
        boolean dials;
        boolean runsJobs;
        boolean stopsOnSignal;
        String endedEarly;
        try {
            ParseResult parsed = parser.parseArgs(Arguments.of(args).commandArray());
            if (CommandLine.executeHelpRequest(parsed) != null) {
                return ExitCodes.COMPLETED;
            }
            BulkcallCommand.mistypedCommand(parsed).ifPresent(problem -> {
                throw new ParameterException(parser, problem);
            });
            dials = BulkcallCommand.dials(parsed);
            runsJobs = BulkcallCommand.runsJobs(parsed);
            stopsOnSignal = BulkcallCommand.stopsOnSignal(parsed);
            endedEarly = BulkcallCommand.endedEarly(parsed);
        }
        catch (ParameterException usage) {
            err.println("bulkcall: " + usage.getMessage());
            err.println("Try 'bulkcall --help' for the commands and their arguments.");
            err.flush();
            return ExitCodes.USAGE;
        }
        GracefulStop gracefulStop = new GracefulStop(endedEarly);
        SpringApplication spring = new SpringApplication(application);
        // Ctrl-C and SIGTERM stop the jobs, the validation, the cancel or the purge first and let them
        // close the context (GracefulStop); a shutdown hook would close it under them. Any other command
        // ends as the JVM ends it.
        spring.setRegisterShutdownHook(false);
        spring.addListeners(new LogFileCheck(), new LoggingFailureLine());
        spring.addInitializers(new CommandLineSecrets(), new SettingsCheck(dials));
        if (dials) {
            spring.addInitializers(new CartesiaFirst());
        }
        if (stopsOnSignal) {
            spring.addInitializers(gracefulStop::watch);
        }
        if (!runsJobs) {
            spring.addInitializers(new NoPush());
        }
        initializers.forEach(spring::addInitializers);
        try (ConfigurableApplicationContext context = spring.run(args)) {
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
