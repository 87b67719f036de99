package io.bulkcall.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
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

/**
 * Splits a UTF-8 CSV file into records, one at a time: RFC 4180 quoting (commas, doubled quotes and
 * line breaks inside quotes), CRLF, LF or CR line ends, a leading byte order mark dropped, spaces around
 * a quoted field ignored. Blank lines are skipped, and so are records whose cells are all blank: the
 * {@code ,,,} lines a spreadsheet exports for rows it thinks are used. It holds one record and a
 * 64 KiB buffer in memory, whatever the size of the file.
 *
 * <p>A record with broken quoting is returned with a {@link CsvRow#malformation()} and parsing carries
 * on with the next one; a quoted field still open at the end of the file swallows the rest of it, so
 * it is reported once and ends the file. Problems that make the whole file unusable throw
 * {@link InputFileException}: bytes that are not UTF-8 (naming their line), binary content, a record
 * longer than {@link #MAX_RECORD_CHARS}, a read failure, or a file whose size changed while it was read.
 *
 * <p>Not thread-safe. Knows nothing of headers: column counts are checked by {@link CsvRecordReader}.
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

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

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

    private CsvParser(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.sizeWhenOpened = channel.size();
    }

    /**
     * Opens a file for parsing.
     *
     * @throws InputFileException when the file does not exist or cannot be read
     */
    public static CsvParser open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return new CsvParser(file, channel);
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
                    if (c == ',') {
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
                    else if (c == ',') {
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
        return new InputFileException(file, start, "is longer than 1 MiB (" + MAX_RECORD_CHARS
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
                    // nothing to flush: a UTF-8 decoder keeps no state between calls
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
        }
        return true;
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
            rejectBinary();
        }
        bytesRead += count;
    }

    private void rejectBinary() {
        int first = bytes.remaining() > 0 ? bytes.get(bytes.position()) & 0xFF : -1;
        int second = bytes.remaining() > 1 ? bytes.get(bytes.position() + 1) & 0xFF : -1;
        if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
            throw new InputFileException(file, "is UTF-16 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")");
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
        return new InputFileException(file, line, "is not valid UTF-8 (byte " + found
                + "); save the file as UTF-8 (in Excel: \"CSV UTF-8\")");
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
