package io.bulkcall.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Splits a CSV file into records, one at a time: RFC 4180 quoting (delimiters, doubled quotes and
 * line breaks inside quotes), CRLF, LF or CR line ends, a leading byte order mark dropped, spaces around
 * a quoted field ignored. Blank lines are skipped, and so are records whose cells are all blank: the
 * {@code ,,,} lines a spreadsheet exports for rows it thinks are used. It holds one record and a
 * 64 KiB buffer in memory, whatever the size of the file.
 *
 * <p>The text is UTF-8, or UTF-16 when the file starts with its byte order mark (Excel's "Unicode
 * Text"). Cells are separated by a comma, a semicolon or a tab; with {@link Delimiter#AUTO} the one
 * the first buffer's lines agree on ({@link #delimiter()} says which).
 *
 * <p>A record with broken quoting is returned with a {@link CsvRow#malformation()} and parsing carries
 * on with the next one; a quoted field still open at the end of the file swallows the rest of it, so
 * it is reported once and ends the file. Problems that make the whole file unusable throw
 * {@link InputFileException}: bytes that are not UTF-8 (naming their line), binary content, a record
 * longer than {@link #MAX_RECORD_CHARS}, a read failure, or a file whose size changed while it was read.
 *
 * <p>Not thread-safe. Knows nothing of headers: column counts are checked by the reader of input files.
 */
public final class CsvParser implements Closeable {

    /** Longest record, in characters: a guard against a file that is one huge line or an unclosed quote. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private static final int BUFFER_SIZE = 1 << 16;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final int FIELD_START = 0;

    private static final int UNQUOTED = 1;

    private static final int QUOTED = 2;

    /** A quote seen inside a quoted field: either the first of a doubled quote or the closing one. */
    private static final int QUOTE_IN_QUOTED = 3;

    /** Spaces after a closing quote, before the comma or line end. */
    private static final int AFTER_CLOSING_QUOTE = 4;

    private final Path file;

    private final FileChannel channel;

    private final long sizeWhenOpened;

    private CharsetDecoder decoder = strictDecoder(StandardCharsets.UTF_8);

    /** The delimiter asked for, then, once the first characters are read, the one in use: never AUTO after that. */
    private Delimiter delimiter;

    private char separator;

    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();

    private final char[] chars = new char[BUFFER_SIZE];

    private final StringBuilder field = new StringBuilder();

    private int charPosition;

    private int charLimit;

    private long bytesRead;

    private boolean endOfBytes;

    private boolean startOfFile = true;

    /** Bytes that are not UTF-8, found after the characters still in the buffer: reported once those are parsed. */
    private CoderResult pendingDecodingError;

    /** The physical line of the next character. */
    private long line = 1;

    private boolean afterCarriageReturn;

    private boolean finished;

    private CsvParser(Path file, FileChannel channel, Delimiter delimiter) throws IOException {
        this.file = file;
        this.channel = channel;
        this.sizeWhenOpened = channel.size();
        this.delimiter = delimiter;
        this.separator = delimiter == Delimiter.AUTO ? ',' : delimiter.character();
    }

    /**
     * Opens a comma-separated file for parsing.
     *
     * @throws InputFileException when the file does not exist or cannot be read
     */
    public static CsvParser open(Path file) {
        return open(file, Delimiter.COMMA);
    }

    /**
     * Opens a file for parsing.
     *
     * @param delimiter what separates its cells, or {@link Delimiter#AUTO} to find out
     * @throws InputFileException when the file does not exist or cannot be read
     */
    public static CsvParser open(Path file, Delimiter delimiter) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return new CsvParser(file, channel, delimiter);
        }
        catch (NoSuchFileException ex) {
            throw new InputFileException(file, "does not exist", ex);
        }
        catch (AccessDeniedException ex) {
            throw new InputFileException(file, "cannot be read: permission denied", ex);
        }
        catch (IOException ex) {
            closeQuietly(channel, ex);
            throw new InputFileException(file, "cannot be opened: " + ex.getMessage(), ex);
        }
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ex) {
                failure.addSuppressed(ex);
            }
        }
    }

    /** What separates the cells: the one asked for, or the one found once the first record is read. */
    public Delimiter delimiter() {
        return delimiter == Delimiter.AUTO ? Delimiter.COMMA : delimiter;
    }

    /** UTF-8, or UTF-16 (little or big endian) when the file starts with that byte order mark. */
    public Charset charset() {
        return decoder.charset();
    }

    /**
     * The next non-blank record.
     *
     * @return the record, or {@code null} at the end of the file
     * @throws InputFileException when the file cannot be read any further
     */
    public CsvRow next() {
        if (finished) {
            return null;
        }
        try {
            return parseRecord();
        }
        catch (IOException ex) {
            throw new InputFileException(file, line, "could not be read any further: " + ex.getMessage(), ex);
        }
    }

    // One pass of a character state machine; kept in one method so the per-character path stays cheap.
    private CsvRow parseRecord() throws IOException {
        List<String> values = new ArrayList<>();
        long start = line;
        long quoteOpenedOn = 0;
        int state = FIELD_START;
        int length = 0;
        // no cell has anything but spaces in it so far
        boolean blank = true;
        String malformation = null;
        field.setLength(0);
        for (;;) {
            int c = read();
            if (c < 0) {
                finished = true;
                if (state == QUOTED) {
                    values.add(takeField());
                    return new CsvRow(start, values, "quoted field opened on line " + quoteOpenedOn + " is never closed");
                }
                if (blank) {
                    return null;
                }
                values.add(takeField());
                return new CsvRow(start, values, malformation);
            }
            if (++length > MAX_RECORD_CHARS) {
                throw tooLong(start, state == QUOTED ? quoteOpenedOn : 0);
            }
            if ((c == '\n' || c == '\r') && state != QUOTED) {
                if (!blank) {
                    values.add(takeField());
                    return new CsvRow(start, values, malformation);
                }
                // a blank line, an empty spreadsheet row (",,,") or the LF of a CRLF that ended the previous record
                values.clear();
                field.setLength(0);
                start = line;
                length = 0;
                state = FIELD_START;
                continue;
            }
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (c == separator) {
                        values.add(takeField());
                        state = FIELD_START;
                    }
                    else if (c == '"' && isBlank(field)) {
                        field.setLength(0);
                        state = QUOTED;
                        quoteOpenedOn = line;
                    }
                    else {
                        if (c == '"' && malformation == null) {
                            malformation = "field " + (values.size() + 1)
                                    + " has a quote in the middle; a field containing quotes must be enclosed in quotes and its quotes doubled";
                        }
                        field.append((char) c);
                        state = UNQUOTED;
                        if (blank && !isSpace(c)) {
                            blank = false;
                        }
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                    else {
                        field.append((char) c);
                        if (blank && !isSpace(c)) {
                            blank = false;
                        }
                    }
                }
                case QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE -> {
                    if (c == '"' && state == QUOTE_IN_QUOTED) {
                        field.append('"');
                        state = QUOTED;
                        blank = false;
                    }
                    else if (c == separator) {
                        values.add(takeField());
                        state = FIELD_START;
                    }
                    else if (isSpace(c)) {
                        state = AFTER_CLOSING_QUOTE;
                    }
                    else {
                        if (malformation == null) {
                            malformation = "field " + (values.size() + 1) + " has text after its closing quote"
                                    + (quoteOpenedOn == line ? "" : " (the quote opened on line " + quoteOpenedOn + ")")
                                    + "; quotes inside a quoted field must be doubled";
                        }
                        field.append((char) c);
                        state = UNQUOTED;
                        blank = false;
                    }
                }
                default -> throw new IllegalStateException("unknown parser state " + state);
            }
        }
    }

    private String takeField() {
        if (field.length() == 0) {
            return "";
        }
        String value = field.toString();
        field.setLength(0);
        return value;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private InputFileException tooLong(long start, long quoteOpenedOn) {
        if (quoteOpenedOn > 0) {
            return new InputFileException(file, start, "a quoted field opened on line " + quoteOpenedOn
                    + " runs on for more than 1 MiB; is its closing quote missing?");
        }
        return rowTooLong(file, start);
    }

    /** A row, of a CSV file or a workbook's sheet, longer than any row bulkcall reads. */
    public static InputFileException rowTooLong(Path file, long row) {
        return new InputFileException(file, row, "is longer than 1 MiB (" + MAX_RECORD_CHARS
                + " characters), the most a row may hold");
    }

    /** The next character, counting physical lines (CRLF, LF and CR each end one), or -1 at the end. */
    private int read() throws IOException {
        while (charPosition == charLimit) {
            if (!fill()) {
                return -1;
            }
        }
        char c = chars[charPosition++];
        if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = false;
        }
        else if (c == '\r') {
            line++;
            afterCarriageReturn = true;
        }
        else {
            afterCarriageReturn = false;
            if (c == 0) {
                throw new InputFileException(file, line,
                        "contains a NUL character; this does not look like a CSV text file");
            }
        }
        return c;
    }

    private boolean fill() throws IOException {
        if (pendingDecodingError != null) {
            throw notUtf8(pendingDecodingError);
        }
        CharBuffer out = CharBuffer.wrap(chars);
        while (out.position() == 0) {
            CoderResult result = decoder.decode(bytes, out, endOfBytes);
            if (result.isError()) {
                if (out.position() == 0) {
                    throw notUtf8(result);
                }
                pendingDecodingError = result;
            }
            else if (result.isUnderflow() && out.position() == 0) {
                if (endOfBytes) {
                    // nothing to flush: UTF-8 and UTF-16 decoders keep no state between calls
                    return false;
                }
                else {
                    readBytes();
                }
            }
        }
        charPosition = 0;
        charLimit = out.position();
        if (startOfFile) {
            startOfFile = false;
            if (chars[0] == BYTE_ORDER_MARK) {
                charPosition = 1;
            }
            skipSeparatorLine();
            if (delimiter == Delimiter.AUTO) {
                delimiter = DelimiterDetection.detect(chars, charPosition, charLimit, bytesRead == sizeWhenOpened);
                separator = delimiter.character();
            }
        }
        return true;
    }

    /**
     * Excel's {@code sep=;} first line, which tells it the delimiter: no header, and the delimiter for
     * {@link Delimiter#AUTO} (a delimiter the setting names wins). Its line still counts, so the header
     * is line 2.
     */
    private void skipSeparatorLine() {
        int at = charPosition;
        if (charLimit - at < 5 || !new String(chars, at, 4).equalsIgnoreCase("sep=")) {
            return;
        }
        Delimiter named = Stream.of(Delimiter.COMMA, Delimiter.SEMICOLON, Delimiter.TAB)
            .filter(candidate -> candidate.character() == chars[at + 4])
            .findFirst()
            .orElse(null);
        int end = at + 5;
        if (named == null || end < charLimit && chars[end] != '\n' && chars[end] != '\r') {
            return;
        }
        end += end + 1 < charLimit && chars[end] == '\r' && chars[end + 1] == '\n' ? 2 : end < charLimit ? 1 : 0;
        charPosition = end;
        line++;
        if (delimiter == Delimiter.AUTO) {
            delimiter = named;
            separator = named.character();
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int count = channel.read(bytes);
        bytes.flip();
        if (count < 0) {
            endOfBytes = true;
            if (bytesRead != sizeWhenOpened) {
                throw new InputFileException(file, "changed while it was being read (" + sizeWhenOpened
                        + " bytes when opened, " + bytesRead + " read); process it again once it is complete");
            }
            return;
        }
        if (bytesRead == 0) {
            chooseCharset();
        }
        bytesRead += count;
    }

    // UTF-16 only with its byte order mark: without one, its NUL bytes make it look binary, and it is refused
    private void chooseCharset() {
        int first = bytes.remaining() > 0 ? bytes.get(bytes.position()) & 0xFF : -1;
        int second = bytes.remaining() > 1 ? bytes.get(bytes.position() + 1) & 0xFF : -1;
        if (first == 0xFF && second == 0xFE) {
            decoder = strictDecoder(StandardCharsets.UTF_16LE);
            return;
        }
        if (first == 0xFE && second == 0xFF) {
            decoder = strictDecoder(StandardCharsets.UTF_16BE);
            return;
        }
        for (int i = bytes.position(); i < bytes.limit(); i++) {
            if (bytes.get(i) == 0) {
                throw new InputFileException(file, "does not look like a CSV text file: it contains binary data"
                        + " (NUL bytes); is it a spreadsheet? Export it as \"CSV UTF-8\"");
            }
        }
    }

    private InputFileException notUtf8(CoderResult result) {
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
            found.append(found.isEmpty() ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        String charset = decoder.charset() == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
        return new InputFileException(file, line, "is not valid " + charset + " (byte " + found
                + "); save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public void close() {
        try {
            channel.close();
        }
        catch (IOException ex) {
            throw new InputFileException(file, "could not be closed: " + ex.getMessage(), ex);
        }
    }
}
