package io.bulkcall.job.instance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * An input file as the job knows it: its name and the SHA-256 of its content identify the job
 * instance, so the same content dropped twice is one instance (never dialed twice) and a failed
 * run is restarted rather than run anew. The path is carried along but does not identify.
 */
public record InputFile(Path path, String name, String sha256) {

    public static final String NAME = "file.name";
    public static final String SHA256 = "file.sha256";
    public static final String PATH = "file.path";

    /** Why a path named as an input file is not one: a folder, or nothing at all. */
    public static String whyNotAFile(Path path) {
        return Files.isDirectory(path) ? "is a folder, not a file" : "no such file";
    }

    /** Reads the file once to hash it. */
    public static InputFile of(Path path) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return new InputFile(path.toAbsolutePath().normalize(), path.getFileName().toString(),
                HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Whether the file at the path holds other content than this now: written over since it was
     * hashed. A file that is gone has not been replaced.
     */
    public boolean replaced() {
        return Files.exists(path) && !of(path).sha256.equals(sha256);
    }

    public static InputFile from(JobParameters parameters) {
        return new InputFile(Path.of(parameters.getString(PATH)), parameters.getString(NAME),
                parameters.getString(SHA256));
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
            .addString(NAME, name, true)
            .addString(SHA256, sha256, true)
            .addString(PATH, path.toString(), false)
            .toJobParameters();
    }

    /** The file name without its extension, as used in output folder and batch names. */
    public String stem() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
