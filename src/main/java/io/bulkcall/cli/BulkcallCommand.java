package io.bulkcall.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import io.bulkcall.input.InputFiles;
import io.bulkcall.time.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import org.springframework.boot.convert.DurationStyle;

/**
 * The command line: {@code bulkcall [run] [FILE...]}, {@code validate}, {@code status},
 * {@code restart}, {@code cancel}, {@code purge}. Only parses and delegates; the work is done by
 * {@link CommandActions}. The same class parses the arguments before Spring starts (to answer
 * {@code --help} and usage errors without settings or a database) and runs them afterwards.
 */
@Command(name = "bulkcall", mixinStandardHelpOptions = true, versionProvider = BulkcallVersion.class,
        description = "Turns CSV files of phone numbers into calls by a Cartesia voice agent, exactly once per number.",
        subcommands = CommandLine.HelpCommand.class, synopsisSubcommandLabel = "[COMMAND]",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:every job this process ran completed (a file another live process runs is its work)",
                "1:a job failed or stopped (restartable), a validation was stopped, or a job of a process that is gone could not be taken over",
                "2:usage or configuration error", "3:a file was rejected by validation" },
        footerHeading = "%nSettings:%n",
        footer = { "  Spring Boot properties: --bulkcall.agent-id=ID on the command line,",
                "  environment variables (CARTESIA_API_KEY, BULKCALL_AGENT_ID)",
                "  or application.yml; see README.md.",
                "  No API key? Try: --spring.profiles.active=sandbox" })
class BulkcallCommand implements Callable<Integer> {

    private static final int MOST_EDITS_OF_A_MISTYPED_COMMAND = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "CSV files or workbooks to process (same as `run FILE...`); none: every finished " + InputFiles.TAKEN + " in the input folder")
    private List<Path> files = List.of();

    private final CommandActions actions;

    /** @param actions what the commands do; {@code null} when the arguments are only being checked */
    public BulkcallCommand(CommandActions actions) {
        this.actions = actions;
    }

    /** Whether the parsed command calls Cartesia, and so needs what dialing needs. */
    static boolean dials(ParseResult parsed) {
        return !parsed.hasSubcommand() || Set.of("run", "restart", "cancel").contains(parsed.subcommand().commandSpec().name());
    }

    /**
     * Whether a signal stops the parsed command's work ({@code run}, {@code restart}, {@code validate},
     * {@code cancel}, {@code purge}) and lets it say so, instead of the JVM ending it.
     */
    static boolean stopsOnSignal(ParseResult parsed) {
        return runsJobs(parsed)
                || Set.of("validate", "cancel", "purge").contains(parsed.subcommand().commandSpec().name());
    }

    /**
     * What the parsed command leaves undone if a second signal, or the end of the time given to stop,
     * ends it with no job of its own running: {@code validate}, {@code cancel} and {@code purge} have
     * none, and {@code run} none between two files.
     */
    static String endedEarly(ParseResult parsed) {
        String command = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "run";
        return switch (command) {
            case "validate" -> "bulkcall validate ended before it finished: the file it was validating and those "
                    + "after it have no rejected.csv; validate them again";
            case "cancel" -> {
                long job = parsed.subcommand().matchedPositional(0).getValue();
                yield "bulkcall cancel %d ended before it finished: the job's call batches may still have calls "
                        .formatted(job) + "queued at Cartesia; `bulkcall cancel %d` cancels them".formatted(job);
            }
            case "purge" -> "bulkcall purge ended before it finished: the jobs it listed are purged, and the next "
                    + "bulkcall to close the job database compacts them out of the file; `bulkcall purge` again purges the rest";
            default -> "bulkcall ended before it finished; `bulkcall status` lists the jobs";
        };
    }

    /** Whether the parsed command runs jobs ({@code run}, {@code restart}): only those push metrics. */
    static boolean runsJobs(ParseResult parsed) {
        return !parsed.hasSubcommand() || Set.of("run", "restart").contains(parsed.subcommand().commandSpec().name());
    }

    /**
     * What is wrong with a word taken for a FILE of the default {@code run} that was meant for a command
     * ({@code stauts is no command and no file; did you mean status?}): no such file, no extension or
     * folder in it, and a letter or two from a command's name.
     */
    static Optional<String> mistypedCommand(ParseResult parsed) {
        if (parsed.hasSubcommand() || !parsed.hasMatchedPositional(0)) {
            return Optional.empty();
        }
        String word = parsed.matchedPositional(0).stringValues().get(0);
        if (word.contains(".") || word.contains("/") || Files.exists(Path.of(word))) {
            return Optional.empty();
        }
        return SettingNames.nearest(word.toLowerCase(Locale.ROOT), parsed.commandSpec().subcommands().keySet(),
                MOST_EDITS_OF_A_MISTYPED_COMMAND)
            .map(command -> word + " is no command and no file; did you mean " + command + "?");
    }

    @Override
    public Integer call() {
        return actions.run(files);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Process FILEs, or every finished " + InputFiles.TAKEN + " waiting in the input folder (oldest first).")
    int run(@Parameters(paramLabel = "FILE", arity = "0..*") List<Path> files) {
        return actions.run(files == null ? List.of() : files);
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validation only: write rejected.csv for each FILE; nobody is dialed.")
    int validate(@Parameters(paramLabel = "FILE", arity = "1..*") List<Path> files) {
        return actions.validate(files);
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Jobs with their state, call progress, rate and ETA; with JOB, that job with its time-zone groups and batches.")
    int status(@Parameters(paramLabel = "JOB", arity = "0..1", converter = JobIdConverter.class,
            description = "a job id as status lists it") Long job,
            @Option(names = "--json", description = "print the same as JSON, for scripts and monitoring") boolean json) {
        return actions.status(job, json, spec.commandLine().getOut());
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restart a failed or stopped job from its last checkpoint.")
    int restart(@Parameters(paramLabel = "JOB", converter = JobIdConverter.class,
            description = "a job id as status lists it") long job) {
        return actions.restart(job);
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Forget the recipients (numbers and metadata) of jobs that completed before then; their counts stay.")
    int purge(@Option(names = "--older-than", required = true, paramLabel = "DURATION", converter = AgeConverter.class,
            description = "how long ago a job must have ended, e.g. 90d, 12h") Duration olderThan) {
        return actions.purge(olderThan);
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel the job's queued calls on Cartesia and stop the job; calls in flight finish.")
    int cancel(@Parameters(paramLabel = "JOB", converter = JobIdConverter.class,
            description = "a job id as status lists it") long job) {
        return actions.cancel(job);
    }

    /** A job id as {@code status} lists it: a whole number (picocli's own word for a wrong one is "not a long"). */
    static final class JobIdConverter implements ITypeConverter<Long> {

        @Override
        public Long convert(String value) {
            try {
                return Long.valueOf(value.strip());
            }
            catch (NumberFormatException notANumber) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a job id; `bulkcall status` lists the jobs");
            }
        }
    }

    /** How long ago, as settings write durations: {@code 90d}, {@code 12h}, {@code 30m}, or ISO-8601; with a unit, not negative. */
    static final class AgeConverter implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            Duration duration;
            try {
                duration = DurationStyle.detectAndParse(value);
            }
            catch (IllegalArgumentException notADuration) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 90d, 12h or 30m");
            }
            Optional<String> withoutUnit = Durations.withoutUnit(value);
            if (withoutUnit.isPresent()) {
                throw new CommandLine.TypeConversionException(withoutUnit.get());
            }
            if (duration.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is negative; give how long ago, such as 90d, 12h or 30m");
            }
            return duration;
        }
    }
}
