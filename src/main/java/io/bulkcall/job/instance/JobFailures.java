package io.bulkcall.job.instance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.bulkcall.csv.InputFileException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Finds, among a failed execution's exceptions, the one an operator should read: the one bulkcall
 * raised itself (it names the file, row, setting or API call), not the framework's wrapper around it.
 */
public final class JobFailures {

    private JobFailures() {
    }

    public static Optional<InputFileException> inputFileProblem(JobExecution execution) {
        return failures(execution).map(JobFailures::readableCause)
            .filter(InputFileException.class::isInstance)
            .map(InputFileException.class::cast)
            .findFirst();
    }

    /** The first failure of the execution, or a cause under one, of this type. */
    public static <T extends Throwable> Optional<T> find(JobExecution execution, Class<T> type) {
        return failures(execution).flatMap(failure -> Stream.iterate(failure, Objects::nonNull, Throwable::getCause))
            .filter(type::isInstance)
            .map(type::cast)
            .findFirst();
    }

    public static Optional<String> firstReadableMessage(JobExecution execution) {
        return failures(execution).map(JobFailures::readableMessage).findFirst();
    }

    /**
     * One line for the operator. A message of bulkcall's own as it is; a framework's failure as its
     * outermost message, which says what was being done ({@code Unable to create file: [...]}),
     * followed by its deepest cause's, which says why ({@code Permission denied}).
     */
    public static String readableMessage(Throwable failure) {
        Throwable readable = readableCause(failure);
        String why = firstLine(readable);
        if (readable == failure || isOwn(readable)) {
            return why;
        }
        String what = firstLine(failure);
        return what.contains(why) ? what : what + " (" + why + ")";
    }

    private static Stream<Throwable> failures(JobExecution execution) {
        return Stream.concat(
                execution.getStepExecutions().stream().map(StepExecution::getFailureExceptions).flatMap(List::stream),
                execution.getFailureExceptions().stream());
    }

    /** A message's first line: SQL and framework messages can run over many. */
    public static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * The outermost exception of bulkcall's own making (its message was written for the operator),
     * or else the deepest cause, which usually says more than the wrappers around it.
     */
    public static Throwable readableCause(Throwable failure) {
        Throwable readable = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isOwn(cause)) {
                return cause;
            }
            readable = cause;
        }
        return readable;
    }

    private static boolean isOwn(Throwable failure) {
        return failure.getClass().getName().startsWith("io.bulkcall.");
    }
}
