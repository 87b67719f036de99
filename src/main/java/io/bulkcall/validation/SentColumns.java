package io.bulkcall.validation;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.bulkcall.config.BulkcallProperties;
import io.bulkcall.config.CartesiaVersion;
import io.bulkcall.config.DynamicVariableLimits;
import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.InputFileException;
import tools.jackson.databind.json.JsonMapper;

import static io.bulkcall.config.DynamicVariableLimits.MAX_BYTES;
import static io.bulkcall.config.DynamicVariableLimits.MAX_NAME;
import static io.bulkcall.config.DynamicVariableLimits.MAX_VARIABLES;
import static io.bulkcall.config.DynamicVariableLimits.OBJECT_BOUND;
import static io.bulkcall.config.DynamicVariableLimits.entryBound;
import static io.bulkcall.config.DynamicVariableLimits.hasNameCharacters;
import static io.bulkcall.config.DynamicVariableLimits.reservedPrefix;

/**
 * What a file's columns become at Cartesia, decided once per file at validation for one
 * {@link CartesiaVersion}: which columns are sent (all but the number, the time zone and
 * {@code bulkcall.columns.not-sent}), and the name each is sent under. Under {@code 2026-03-01} a column
 * is a {@code metadata} entry keyed by its header. Under {@code 2026-08-14} it is a
 * {@code dynamic_variables} entry, whose name follows Cartesia's rules ({@link DynamicVariableLimits}:
 * letters, digits and {@code _}, starting with a letter or {@code _}, at most
 * {@value DynamicVariableLimits#MAX_NAME} characters, no {@code system__} or {@code secret__} prefix, at
 * most {@value DynamicVariableLimits#MAX_VARIABLES} of them): a header that is a valid name is used as
 * it is; any other is {@linkplain #variableName renamed by one rule}; a file whose columns Cartesia
 * would refuse is refused before anything is dialed. A row whose variables would pass
 * {@value DynamicVariableLimits#MAX_BYTES} bytes of JSON is rejected on its own ({@link #oversize}).
 * Immutable.
 *
 * @param version the version the columns are sent under
 * @param sent the columns sent, in file order, each with the name it is sent under
 * @param notSent the headers {@code bulkcall.columns.not-sent} keeps away from Cartesia, as the file writes them
 * @param unknownNotSent the names of {@code bulkcall.columns.not-sent} that are not headers of the file
 */
public record SentColumns(CartesiaVersion version, List<Column> sent, List<String> notSent, List<String> unknownNotSent) {

    private static final Pattern NOT_A_NAME_CHARACTER = Pattern.compile("[^A-Za-z0-9_]+");

    private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}+");

    private static final String RENAME_OR_KEEP_AWAY = "rename it, or keep it away with bulkcall.columns.not-sent";

    /** Serializes a recipient's variables as the HTTP client does: Jackson's defaults, compact. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SentColumns {
        sent = List.copyOf(sent);
        notSent = List.copyOf(notSent);
        unknownNotSent = List.copyOf(unknownNotSent);
    }

    /**
     * A column sent to Cartesia.
     *
     * @param header the column's header, as the file writes it
     * @param name what it is sent under: the header itself for {@code metadata}, a variable's name for
     *        {@code dynamic_variables}
     */
    public record Column(String header, String name) {

        public boolean isRenamed() {
            return !header.equals(name);
        }
    }

    /** Decides what the columns of a file with this header become under the settings' version and {@code not-sent}. */
    public static SentColumns of(Path file, CsvHeader header, BulkcallProperties settings) {
        return of(file, header.metadataColumns(), settings.cartesia().cartesiaVersion(), settings.columns().notSent());
    }

    /**
     * Decides what the columns of a file become.
     *
     * @param file the file, for the refusal's message
     * @param columns the columns other than the number and the time zone, in file order
     * @param notSentSetting {@code bulkcall.columns.not-sent}: headers compared ignoring case and spaces around
     * @throws InputFileException naming the columns, when Cartesia would refuse them as dynamic variables
     */
    public static SentColumns of(Path file, List<String> columns, CartesiaVersion version, List<String> notSentSetting) {
        Set<String> keptAway = notSentSetting.stream().map(SentColumns::comparable).collect(Collectors.toSet());
        List<String> notSent = columns.stream().filter(column -> keptAway.contains(comparable(column))).toList();
        Set<String> headers = columns.stream().map(SentColumns::comparable).collect(Collectors.toSet());
        List<String> unknownNotSent = notSentSetting.stream()
            .filter(name -> !name.isBlank() && !headers.contains(comparable(name)))
            .toList();
        List<Column> sent = columns.stream()
            .filter(column -> !notSent.contains(column))
            .map(column -> new Column(column, version.sendsDynamicVariables() ? variableName(column) : column))
            .toList();
        SentColumns decided = new SentColumns(version, sent, notSent, unknownNotSent);
        if (version.sendsDynamicVariables()) {
            List<String> problems = decided.variableProblems();
            if (!problems.isEmpty()) {
                throw new InputFileException(file, 1, String.join("; ", problems));
            }
        }
        return decided;
    }

    /**
     * The name a header is sent under as a dynamic variable. A valid name stays as it is, case kept.
     * Any other header is renamed by one rule: accents are taken off letters ({@code Prénom} →
     * {@code Prenom}); each run of characters other than ASCII letters, digits and {@code _} becomes
     * one {@code _}; {@code _} is taken off both ends; a name that starts with a digit gets a {@code _}
     * before it. {@code First Name} → {@code First_Name}, {@code 2nd phone} → {@code _2nd_phone}. A
     * header with nothing left is given no name ({@code ""}), and refused.
     */
    public static String variableName(String header) {
        if (hasNameCharacters(header)) {
            return header;
        }
        String unaccented = COMBINING_MARK.matcher(Normalizer.normalize(header, Normalizer.Form.NFKD)).replaceAll("");
        String name = NOT_A_NAME_CHARACTER.matcher(unaccented).replaceAll("_").replaceAll("^_+|_+$", "");
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    private List<String> variableProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Column column : sent) {
            byName.computeIfAbsent(column.name(), name -> new ArrayList<>()).add(column.header());
            String name = column.name();
            if (name.isEmpty()) {
                problems.add("column %s has no letter, digit or _ to name a dynamic variable after; %s"
                    .formatted(quoted(column.header()), RENAME_OR_KEEP_AWAY));
            }
            else if (name.length() > MAX_NAME) {
                problems.add("column %s would be the dynamic variable %s, of %d characters; Cartesia takes names of at most %d; %s"
                    .formatted(quoted(column.header()), name, name.length(), MAX_NAME, RENAME_OR_KEEP_AWAY));
            }
            else {
                reservedPrefix(name).ifPresent(prefix -> problems.add(
                        "column %s would be the dynamic variable %s, but Cartesia reserves the prefix %s; %s"
                            .formatted(quoted(column.header()), name, prefix, RENAME_OR_KEEP_AWAY)));
            }
        }
        byName.forEach((name, headers) -> {
            if (headers.size() > 1 && !name.isEmpty()) {
                problems.add("columns %s would all be the dynamic variable %s; rename all but one, or keep them away with bulkcall.columns.not-sent"
                    .formatted(headers.stream().map(SentColumns::quoted).collect(Collectors.joining(", ")), name));
            }
        });
        if (sent.size() > MAX_VARIABLES) {
            problems.add("%d columns would be sent as dynamic variables; Cartesia takes at most %d: keep the others away with bulkcall.columns.not-sent"
                .formatted(sent.size(), MAX_VARIABLES));
        }
        return problems;
    }

    /**
     * What a recipient sends: the values of the sent columns, under their names, in file order.
     *
     * @param cells the recipient's cells by header, empty cells left out (as staged)
     */
    public Map<String, String> fieldsOf(Map<String, String> cells) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Column column : sent) {
            String value = cells.get(column.header());
            if (isSent(value)) {
                fields.put(column.name(), value);
            }
        }
        return fields;
    }

    /**
     * How many bytes a recipient's {@code dynamic_variables} take as the HTTP client sends them, when
     * more than {@value DynamicVariableLimits#MAX_BYTES}; empty when they fit, or when the columns go
     * to {@code metadata}. Serialized only when a bound on the size (six bytes a character) passes the
     * limit, so a row of ordinary length costs no JSON.
     */
    public Optional<Integer> oversize(Map<String, String> cells) {
        if (!version.sendsDynamicVariables()) {
            return Optional.empty();
        }
        long bound = OBJECT_BOUND;
        for (Column column : sent) {
            String value = cells.get(column.header());
            if (isSent(value)) {
                bound += entryBound(column.name(), value);
            }
        }
        if (bound <= MAX_BYTES) {
            return Optional.empty();
        }
        int bytes = JSON.writeValueAsBytes(fieldsOf(cells)).length;
        return bytes > MAX_BYTES ? Optional.of(bytes) : Optional.empty();
    }

    /** An empty cell sends no variable: the fields and the bound on their size both skip it. */
    private static boolean isSent(String value) {
        return value != null && !value.isEmpty();
    }

    /** The column sent under a name, for a refusal of Cartesia's that names only the name. */
    public Optional<String> headerOf(String name) {
        return sent.stream().filter(column -> column.name().equals(name)).map(Column::header).findFirst();
    }

    /**
     * One line for the operator, before anything is dialed, with every renamed header's mapping:
     * {@code columns sent as dynamic_variables: first_name, First_Name; renamed: First Name → First_Name; not sent: note}.
     */
    public String describe() {
        String sentNames = sent.isEmpty() ? "none" : sent.stream().map(Column::name).collect(Collectors.joining(", "));
        StringBuilder line = new StringBuilder("columns sent as %s: %s".formatted(version.recipientField(), sentNames));
        List<String> renamed = sent.stream()
            .filter(Column::isRenamed)
            .map(column -> column.header() + " → " + column.name())
            .toList();
        if (!renamed.isEmpty()) {
            line.append("; renamed: ").append(String.join(", ", renamed));
        }
        if (!notSent.isEmpty()) {
            line.append("; not sent: ").append(String.join(", ", notSent));
        }
        return line.toString();
    }

    /** What the operator should hear of, though it stops nothing: a name of {@code bulkcall.columns.not-sent} that is no column. */
    public List<String> warnings() {
        return unknownNotSent.stream()
            .map(name -> "bulkcall.columns.not-sent names " + quoted(name) + ", which is not a column of the file")
            .toList();
    }

    /** Whether this sends nothing the other does not, under the same names: what was checked covers it. */
    public boolean sendsNoMoreThan(SentColumns checked) {
        return version == checked.version() && checked.sent().containsAll(sent);
    }

    /** Headers compare ignoring case and spaces around, as {@code bulkcall.columns.not-sent} names them. */
    private static String comparable(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    private static String quoted(String header) {
        return "\"" + header + "\"";
    }
}
