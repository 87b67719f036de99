package io.bulkcall.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.bulkcall.testing.CallList;

/**
 * The folder the crash tests run bulkcall in, laid out as bulkcall lays it out: {@code input/},
 * {@code output/}, {@code data/} (the H2 job repository) and {@code logs/}. A forked run works in it
 * as its current folder; in-process runs are pointed at the same places by {@code Workspace}.
 */
record RunFolder(Path root) {

    static final String FILE_NAME = "numbers.csv";

    /** Drops the input file into {@code input/}. */
    void drop(CallList input) {
        drop(FILE_NAME, input);
    }

    /** Drops an input file of another name into {@code input/}; returns it. */
    Path drop(String name, CallList input) {
        try {
            Files.createDirectories(root.resolve("input"));
            return Files.writeString(root.resolve("input").resolve(name), input.content(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the input file goes once its job completed. */
    Path processed() {
        return root.resolve("input/processed").resolve(FILE_NAME);
    }

    /** The reports of the folder's first job. */
    Path reports() {
        return reports(1, "numbers");
    }

    /** The reports of a job instance of a file stem. */
    Path reports(long jobInstanceId, String stem) {
        return root.resolve("output").resolve(jobInstanceId + "-" + stem);
    }

    /** The H2 job database, as a URL names it: without H2's {@code .mv.db}. */
    Path database() {
        return root.resolve("data/bulkcall");
    }

    /** The log file every run appends to. */
    Path log() {
        return root.resolve("logs/bulkcall.log");
    }

    String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.ISO_8859_1) : "";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of the last job execution, as the job repository holds it; read once no run is left. */
    String lastJobStatus() {
        String url = "jdbc:h2:file:" + database() + ";AUTO_SERVER=TRUE";
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository in " + root, e);
        }
    }
}
