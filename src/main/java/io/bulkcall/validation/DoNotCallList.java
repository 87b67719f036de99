package io.bulkcall.validation;

import java.nio.file.Path;

import io.bulkcall.csv.CsvHeader;
import io.bulkcall.csv.CsvParser;
import io.bulkcall.csv.CsvRow;
import io.bulkcall.csv.Delimiter;
import io.bulkcall.csv.InputFileException;

/**
 * Numbers never to dial, from {@code bulkcall.validation.do-not-call-file}: either a CSV file whose
 * header has a number column (named as an input file's may be: {@code to_number}, {@code phone},
 * {@code Phone Number}...; other columns are ignored), its cells separated as an input file's may be
 * (commas, semicolons or tabs), or a plain list with one number per line. A line whose first cell starts with
 * {@code #} is a comment; blank lines are skipped, and so are the empty cells Excel writes right of
 * the data ({@code phone,,}). Every number is normalized like the numbers of input files, so it
 * matches whatever format either is written in.
 *
 * <p>A list that cannot be read completely is not used at all: any line that is not a valid number
 * fails the load, naming the list and the line, so a broken list never lets a number through.
 *
 * <p>Immutable once loaded; safe to share between threads.
 */
public final class DoNotCallList {

    private static final DoNotCallList EMPTY = new DoNotCallList(null, new SeenNumbers(0));

    private final Path file;

    private final SeenNumbers numbers;

    private DoNotCallList(Path file, SeenNumbers numbers) {
        this.file = file;
        this.numbers = numbers;
    }

    /** A list that contains no number. */
    public static DoNotCallList empty() {
        return EMPTY;
    }

    /**
     * Loads a list.
     *
     * @param file the list, or {@code null} when none is configured (then the list is empty)
     * @param normalizer the normalizer the input files are checked with
     * @throws InputFileException when the list cannot be read, or a line of it is not a valid number
     */
    public static DoNotCallList load(Path file, PhoneNumberNormalizer normalizer) {
        if (file == null) {
            return EMPTY;
        }
        SeenNumbers numbers = new SeenNumbers();
        try (CsvParser parser = CsvParser.open(file, Delimiter.AUTO)) {
            CsvRow row = nextEntry(parser);
            int numberColumn = 0;
            int columns = 1;
            if (row != null && row.values().stream().anyMatch(CsvHeader::isNumberColumnName)) {
                CsvHeader header = CsvHeader.of(file, row.withoutEmptyCellsAfter(1));
                numberColumn = header.numberColumn();
                columns = header.size();
                row = nextEntry(parser);
            }
            for (; row != null; row = nextEntry(parser)) {
                row = row.withoutEmptyCellsAfter(columns);
                checkShape(file, row, columns);
                String raw = row.values().get(numberColumn);
                NumberCheck check = normalizer.normalize(raw);
                if (check instanceof NumberCheck.Invalid invalid) {
                    throw new InputFileException(file, row.line(), "\"" + raw + "\" is not a number that can be matched ("
                            + invalid.detail() + "); fix or remove it, the do-not-call list is not used until then");
                }
                numbers.putIfAbsent(SeenNumbers.toLong(((NumberCheck.Valid) check).e164()), row.line());
            }
        }
        return new DoNotCallList(file, numbers);
    }

    private static CsvRow nextEntry(CsvParser parser) {
        CsvRow row = parser.next();
        while (row != null && row.values().get(0).strip().startsWith("#")) {
            row = parser.next();
        }
        return row;
    }

    private static void checkShape(Path file, CsvRow row, int columns) {
        if (row.isMalformed()) {
            throw new InputFileException(file, row.line(), row.malformation());
        }
        int found = row.values().size();
        if (found != columns) {
            throw new InputFileException(file, row.line(), columns == 1
                    ? "has " + found + " columns; a do-not-call list without a header holds one number per line"
                    : "has " + found + " columns, the header has " + columns);
        }
    }

    /** Whether the number, in E.164, is on the list. */
    public boolean contains(String e164) {
        return numbers.contains(SeenNumbers.toLong(e164));
    }

    /** How many distinct numbers the list holds. */
    public int size() {
        return numbers.size();
    }

    /** Where a listed number is, for a rejection detail: {@code "dnc.csv, line 5"}. */
    String whereListed(String e164) {
        return file.getFileName() + ", line " + numbers.firstLineOf(SeenNumbers.toLong(e164));
    }
}
