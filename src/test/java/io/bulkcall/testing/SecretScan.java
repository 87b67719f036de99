package io.bulkcall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for a secret in every file below a folder, as bytes: log files, reports and console
 * captures, and the H2 database files too, whose pages hold strings as plain UTF-8. Finds the
 * secret as it is and base64-encoded (as in a {@code Basic} header or a serialized blob), at any of
 * the three byte alignments base64 can give it inside a longer text.
 */
public final class SecretScan {

    private final Map<String, String> forms = new LinkedHashMap<>();

    public SecretScan(String secret) {
        forms.put("plain", secret);
        byte[] bytes = secret.getBytes(StandardCharsets.US_ASCII);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            // base64 turns 3 bytes into 4 characters: keep only the groups made of the secret's bytes alone
            int from = offset == 0 ? 0 : 4;
            int to = shifted.length / 3 * 4;
            forms.put("base64+" + offset, encoded.substring(from, to));
        }
    }

    /** Where the secret was found, one {@code "path (form)"} per file and form; empty when it is nowhere. */
    public List<String> findIn(Path root) {
        List<String> findings = new ArrayList<>();
        for (Path file : files(root)) {
            String content = read(file);
            forms.forEach((form, text) -> {
                if (content.contains(text)) {
                    findings.add(root.relativize(file) + " (" + form + ")");
                }
            });
        }
        return findings;
    }

    /** Every regular file below the folder, in path order. */
    static List<Path> files(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            // ISO-8859-1 maps every byte to one character, so binary pages are searched byte for byte
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
