package io.bulkcall.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.bulkcall.csv.CsvParser;

/**
 * A workbook's shared strings table, spilled to a temporary file rather than held on the heap: a
 * spreadsheet that stores its phone numbers as text (as CRM exports do) has one shared string per
 * row, millions of them, and a table of {@code String}s would need about 60 bytes of heap each.
 *
 * <p>The file holds each string as its UTF-8 length (a varint) and bytes, in table order; the heap
 * holds the offset of every {@value #STRIDE}th string only (a million strings: 125 KiB), and a 64 KiB
 * window of the file. A look-up reads forward from the nearest kept offset, and the usual one, the
 * string after the one looked up last (a sheet uses its strings in the order they were added), reads
 * on where that one ended, mostly inside the window. The file is deleted when this is closed.
 *
 * <p>Not thread-safe: the sheet's reading thread alone looks strings up.
 */
final class SharedStrings implements Closeable {

    /** Every how many strings an offset is kept. */
    static final int STRIDE = 64;

    private static final int WINDOW = 1 << 16;

    private final FileChannel file;

    private final long[] offsets;

    private final int count;

    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);

    /** Where in the file the window starts; its bytes are {@code window}'s, from 0 to its limit. */
    private long windowStart;

    /** The string after the one looked up last, and where it starts. */
    private int nextIndex;

    private long nextOffset;

    private SharedStrings(FileChannel file, long[] offsets, int count) {
        this.file = file;
        this.offsets = offsets;
        this.count = count;
        this.window.limit(0);
    }

    /** A table without strings, for a workbook that has none. */
    static SharedStrings none() throws IOException, XMLStreamException {
        return spill(null);
    }

    /**
     * Reads a shared strings part ({@code <sst>}) to its end and spills its strings to a temporary file.
     *
     * @param sst the part, or {@code null} when the workbook has none
     */
    static SharedStrings spill(XMLStreamReader sst) throws IOException, XMLStreamException {
        Path path = Files.createTempFile("bulkcall-shared-strings-", ".bin");
        FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        boolean spilled = false;
        try {
            long[] offsets = new long[16];
            int count = 0;
            if (sst != null) {
                ByteBuffer out = ByteBuffer.allocate(WINDOW);
                long written = 0;
                while (Xml.next(sst, "si")) {
                    if (count % STRIDE == 0) {
                        if (count / STRIDE == offsets.length) {
                            offsets = Arrays.copyOf(offsets, offsets.length * 2);
                        }
                        offsets[count / STRIDE] = written;
                    }
                    // none longer than a row may be: no cell could show it
                    byte[] text = Xml.richText(sst, CsvParser.MAX_RECORD_CHARS).getBytes(StandardCharsets.UTF_8);
                    written += put(file, out, text);
                    count++;
                }
                out.flip();
                writeFully(file, out);
            }
            spilled = true;
            return new SharedStrings(file, offsets, count);
        }
        finally {
            if (!spilled) {
                file.close();
            }
        }
    }

    private static long put(FileChannel file, ByteBuffer out, byte[] text) throws IOException {
        if (out.remaining() < 5 + text.length) {
            out.flip();
            writeFully(file, out);
            out.clear();
        }
        int length = text.length;
        int start = out.position();
        while (length >= 0x80) {
            out.put((byte) (length & 0x7F | 0x80));
            length >>>= 7;
        }
        out.put((byte) length);
        int header = out.position() - start;
        if (text.length > out.remaining()) {
            out.flip();
            writeFully(file, out);
            out.clear();
            writeFully(file, ByteBuffer.wrap(text));
        }
        else {
            out.put(text);
        }
        return header + text.length;
    }

    private static void writeFully(FileChannel file, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
    }

    /**
     * The string at this index of the table.
     *
     * @throws IndexOutOfBoundsException when the table has no such string
     * @throws UncheckedIOException when the temporary file cannot be read
     */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("shared string " + index + " of " + count);
        }
        try {
            int at = nextIndex;
            long offset = nextOffset;
            if (index < at || index - at >= STRIDE) {
                at = index / STRIDE * STRIDE;
                offset = offsets[index / STRIDE];
            }
            for (; at < index; at++) {
                offset = skip(offset);
            }
            String text = read(offset);
            nextIndex = index + 1;
            return text;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the workbook's shared strings back from a temporary file: "
                    + ex.getMessage(), ex);
        }
    }

    private long skip(long offset) throws IOException {
        int length = length(offset);
        return offset + varintSize(length) + length;
    }

    private String read(long offset) throws IOException {
        int length = length(offset);
        long start = offset + varintSize(length);
        String text;
        if (length > WINDOW) {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining() && file.read(bytes, start + bytes.position()) >= 0) {
                // read on
            }
            text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
        else {
            int at = at(start, length);
            text = new String(window.array(), at, length, StandardCharsets.UTF_8);
        }
        nextOffset = start + length;
        return text;
    }

    private int length(long offset) throws IOException {
        int at = at(offset, 5);
        int length = 0;
        for (int shift = 0;; shift += 7) {
            byte b = window.get(at++);
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                return length;
            }
        }
    }

    private static int varintSize(int length) {
        int size = 1;
        while (length >= 0x80) {
            length >>>= 7;
            size++;
        }
        return size;
    }

    /** Where in the window the bytes from {@code offset} on start, after moving it there if they are not all in it. */
    private int at(long offset, int length) throws IOException {
        if (offset < windowStart || offset + length > windowStart + window.limit()) {
            window.clear();
            while (window.hasRemaining() && file.read(window, offset + window.position()) > 0) {
                // fill the window
            }
            window.flip();
            windowStart = offset;
        }
        return (int) (offset - windowStart);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
