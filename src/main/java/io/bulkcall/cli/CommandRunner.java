package io.bulkcall.cli;

import io.bulkcall.job.instance.JobFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the command once Spring has started, and keeps its exit code for
 * {@code SpringApplication.exit}. An exception no command handled ends in one line on the console
 * (the whole trace goes to the log file) and exit code 1, or 2 for a bad setting.
 */
@Component
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    private static final Logger diagnostics = LoggerFactory.getLogger("bulkcall.diagnostics");

    private final CommandActions actions;
    private int exitCode = ExitCodes.COMPLETED;

    public CommandRunner(CommandActions actions) {
        this.actions = actions;
    }

    @Override
    public void run(ApplicationArguments args) {
        CommandLine commandLine = new CommandLine(new BulkcallCommand(actions));
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            Throwable readable = JobFailures.readableCause(failure);
            diagnostics.error("Command failed", failure);
            log.error("{}", StartupFailure.oneLine(readable));
            return StartupFailure.exitCode(readable);
        });
        exitCode = commandLine.execute(Arguments.of(args.getSourceArgs()).commandArray());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
