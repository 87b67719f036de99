package io.bulkcall.input;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.bulkcall.csv.InputFileException;

/**
 * An {@code .xlsx} workbook as a ZIP archive of XML parts, found through its relationships: the
 * workbook part, its sheets by name and tab order, its shared strings, its styles and its date
 * system. A file that is not such an archive is refused with what to do: an old binary workbook or a
 * password-protected one (both OLE2 compound files), a damaged or foreign file. Not thread-safe.
 */
final class Workbook implements Closeable {

    /** What every refusal of a workbook ends with. */
    static final String SAVE_AS = "save it as .xlsx or CSV UTF-8";

    private static final String SHEET_SETTING = "bulkcall.input.sheet";

    /** The first bytes of an OLE2 compound file: an Excel 97-2003 workbook, or an encrypted .xlsx. */
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1 };

    /** The stream an encrypted .xlsx keeps its key data in, named in the compound file's directory (UTF-16LE). */
    private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);

    private final Path file;

    private final ZipFile zip;

    private final String workbookPart;

    private final Map<String, Relationship> relationships;

    private Workbook(Path file, ZipFile zip, String workbookPart, Map<String, Relationship> relationships) {
        this.file = file;
        this.zip = zip;
        this.workbookPart = workbookPart;
        this.relationships = relationships;
    }

    /**
     * Opens a workbook and finds its parts.
     *
     * @throws InputFileException when the file is missing, unreadable, or not an {@code .xlsx} workbook
     */
    static Workbook open(Path file) {
        refuseCompoundFile(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        }
        catch (ZipException ex) {
            throw damaged(file, ex);
        }
        catch (IOException ex) {
            throw new InputFileException(file, "cannot be opened: " + ex.getMessage(), ex);
        }
        try {
            String workbookPart = relationships(zip, "", "_rels/.rels").values()
                .stream()
                .filter(relationship -> relationship.is("officeDocument"))
                .map(Relationship::part)
                .findFirst()
                .orElseThrow(() -> new ZipException("no workbook part"));
            return new Workbook(file, zip, workbookPart, relationships(zip, folder(workbookPart),
                    folder(workbookPart) + "_rels/" + workbookPart.substring(folder(workbookPart).length()) + ".rels"));
        }
        catch (IOException | XMLStreamException | RuntimeException ex) {
            closeQuietly(zip, ex);
            throw ex instanceof InputFileException refused ? refused : damaged(file, ex);
        }
    }

    private static void refuseCompoundFile(Path file) {
        boolean encrypted;
        try (InputStream in = Files.newInputStream(file)) {
            if (!Arrays.equals(in.readNBytes(OLE2.length), OLE2)) {
                return;
            }
            encrypted = contains(in, ENCRYPTION_INFO);
        }
        catch (NoSuchFileException ex) {
            throw new InputFileException(file, "does not exist", ex);
        }
        catch (AccessDeniedException ex) {
            throw new InputFileException(file, "cannot be read: permission denied", ex);
        }
        catch (IOException ex) {
            throw new InputFileException(file, "cannot be read: " + ex.getMessage(), ex);
        }
        if (encrypted) {
            throw new InputFileException(file, "is password-protected; remove the password in Excel (File > Info > "
                    + "Protect Workbook) and " + SAVE_AS);
        }
        throw new InputFileException(file, "is an Excel 97-2003 workbook (.xls) named .xlsx, which bulkcall does not read; "
                + SAVE_AS);
    }

    /** Whether the rest of a stream holds these bytes, read a block at a time. */
    private static boolean contains(InputStream in, byte[] part) throws IOException {
        byte[] block = new byte[(1 << 16) + part.length];
        int kept = 0;
        for (int read = in.readNBytes(block, kept, block.length - kept); read > 0;
                read = in.readNBytes(block, kept, block.length - kept)) {
            int end = kept + read;
            for (int i = 0; i + part.length <= end; i++) {
                if (Arrays.equals(block, i, i + part.length, part, 0, part.length)) {
                    return true;
                }
            }
            // the bytes a match starting near the end would need are carried over to the next block
            kept = Math.min(part.length - 1, end);
            System.arraycopy(block, end - kept, block, 0, kept);
        }
        return false;
    }

    static InputFileException damaged(Path file, Exception cause) {
        return new InputFileException(file, "is not a readable .xlsx workbook (" + cause.getMessage()
                + "); it may be damaged: open it in Excel and " + SAVE_AS, cause);
    }

    /** The sheets of the workbook in tab order, by name, and whether it counts dates from 1904. */
    Sheets sheets() throws IOException, XMLStreamException {
        List<Sheet> sheets = new ArrayList<>();
        boolean date1904 = false;
        try (Part workbook = part(workbookPart)) {
            XMLStreamReader xml = workbook.xml();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT) {
                    if (xml.getLocalName().equals("workbookPr")) {
                        String value = Xml.attribute(xml, "date1904");
                        date1904 = "1".equals(value) || "true".equals(value);
                    }
                    else if (xml.getLocalName().equals("sheet")) {
                        Relationship sheet = relationships.get(Xml.attribute(xml, "id"));
                        String state = Xml.attribute(xml, "state");
                        if (sheet != null) {
                            sheets.add(new Sheet(Xml.attribute(xml, "name"), sheet.part(), state == null || state.equals("visible")));
                        }
                    }
                }
            }
        }
        return new Sheets(sheets, date1904);
    }

    /**
     * A sheet: the name on its tab, its part in the archive, and whether it has a tab to show
     * ({@code state} {@code hidden} or {@code veryHidden} in the workbook has none).
     */
    record Sheet(String name, String part, boolean visible) {
    }

    /** The sheets of a workbook in tab order, and its date system. */
    record Sheets(List<Sheet> sheets, boolean date1904) {

        /**
         * The sheet of this name, in any case, hidden or not; or, when the name is {@code null}, the
         * first sheet a person sees: a workbook exported by another program often starts with a hidden
         * sheet of lookups, and dialing that is never what the operator looking at the file meant.
         *
         * @throws InputFileException when there is no such sheet
         */
        Sheet named(Path file, String name) {
            if (name == null || name.isBlank()) {
                return sheets.stream().filter(Sheet::visible).findFirst()
                    .orElseThrow(() -> new InputFileException(file, "has no sheet; " + SAVE_AS));
            }
            return sheets.stream()
                .filter(sheet -> sheet.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new InputFileException(file, "has no sheet \"" + name.strip() + "\", which "
                        + SHEET_SETTING + " names (sheets found: "
                        + sheets.stream().map(Sheet::name).collect(Collectors.joining(", ")) + ")"));
        }
    }

    /** The part a relationship of the workbook of this type leads to ({@code sharedStrings}, {@code styles}), or {@code null}. */
    String related(String type) {
        return relationships.values().stream().filter(relationship -> relationship.is(type))
            .map(Relationship::part).findFirst().orElse(null);
    }

    /** Opens a part of the archive for streaming. */
    Part part(String name) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ZipException("no part " + name);
        }
        return new Part(new BufferedInputStream(new Inflated(file, entry, zip.getInputStream(entry)), 1 << 16));
    }

    /**
     * A part as it inflates, refused once it passes a hundred times its compressed size beyond its
     * first 16 MiB: a workbook of a few kilobytes can hold gigabytes of XML (a zip bomb), which would
     * take the time of a million-row file and fill the temporary folder its shared strings go to. The
     * sheets of real workbooks, even of a million phone numbers, inflate to about ten times their size;
     * a small part (a list of styles) may inflate more, and is let through.
     */
    private static final class Inflated extends FilterInputStream {

        private static final long GRACE = 16L << 20;

        private static final long RATIO = 100;

        private final Path file;

        private final ZipEntry entry;

        private final long limit;

        private long inflated;

        Inflated(Path file, ZipEntry entry, InputStream in) {
            super(in);
            this.file = file;
            this.entry = entry;
            this.limit = Math.max(GRACE, entry.getCompressedSize() * RATIO);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        private void count(int read) {
            inflated += read;
            if (inflated > limit) {
                throw new InputFileException(file, "is not a workbook bulkcall reads: its part %s inflates to more than %d times its %,d compressed bytes, as a zip bomb does and no spreadsheet"
                    .formatted(entry.getName(), RATIO, entry.getCompressedSize()));
            }
        }
    }

    /** A part of the archive being read. */
    static final class Part implements Closeable {

        private final InputStream in;

        private final XMLStreamReader xml;

        private Part(InputStream in) throws XMLStreamException {
            this.in = in;
            this.xml = Xml.reader(in);
        }

        XMLStreamReader xml() {
            return xml;
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            }
            catch (XMLStreamException ex) {
                throw new IOException(ex.getMessage(), ex);
            }
            finally {
                in.close();
            }
        }
    }

    private static Map<String, Relationship> relationships(ZipFile zip, String folder, String name)
            throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ZipException("no part " + name);
        }
        Map<String, Relationship> relationships = new HashMap<>();
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = Xml.reader(in);
            while (Xml.next(xml, "Relationship")) {
                if (!"External".equals(Xml.attribute(xml, "TargetMode"))) {
                    relationships.put(Xml.attribute(xml, "Id"), new Relationship(Xml.attribute(xml, "Type"),
                            resolve(folder, Xml.attribute(xml, "Target"))));
                }
            }
            xml.close();
        }
        return relationships;
    }

    /** A relationship's type (a URI ending in its short name) and the part it leads to. */
    private record Relationship(String type, String part) {

        boolean is(String shortType) {
            return type != null && type.endsWith("/" + shortType);
        }
    }

    private static String folder(String part) {
        return part.substring(0, part.lastIndexOf('/') + 1);
    }

    /** A relationship's target, relative to the folder of its source or absolute, as a ZIP entry name. */
    private static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> names = new ArrayList<>();
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                if (!names.isEmpty()) {
                    names.remove(names.size() - 1);
                }
            }
            else if (!name.isEmpty() && !name.equals(".")) {
                names.add(name);
            }
        }
        return names.stream().collect(Collectors.joining("/"));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static void closeQuietly(ZipFile zip, Exception failure) {
        try {
            zip.close();
        }
        catch (IOException ex) {
            failure.addSuppressed(ex);
        }
    }
}
