package io.bulkcall.input;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the XML parts of a workbook with the JDK's own StAX parser, whatever else is on the class
 * path; no DTD and no external entity is read, as the parts come from files dropped by anyone.
 */
final class Xml {

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /**
     * Moves to the next start of an element of this local name, in any namespace.
     *
     * @return whether there was one before the end of the document
     */
    static boolean next(XMLStreamReader xml, String localName) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(localName)) {
                return true;
            }
        }
        return false;
    }

    /** An attribute of the current element by its local name, in any namespace, or {@code null}. */
    static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * The text of the current element, as {@link XMLStreamReader#getElementText()} reads it, but never
     * more than {@code max} characters of it on the heap: a cell's text can be anything a file holds.
     * Leaves the reader on the element's end.
     *
     * @throws TextTooLongException once the text passes {@code max} characters
     */
    static String text(XMLStreamReader xml, int max) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        appendText(xml, text, max);
        return text.toString();
    }

    /**
     * The text of a rich text element ({@code <si>}, {@code <is>}): its {@code <t>} runs joined, the
     * phonetic guides ({@code <rPh>}) left out. Leaves the reader on the element's end.
     *
     * @throws TextTooLongException once the text passes {@code max} characters
     */
    static String richText(XMLStreamReader xml, int max) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int phoneticDepth = 0;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("t") && phoneticDepth == 0) {
                    appendText(xml, text, max);
                }
                else {
                    depth++;
                    if (name.equals("rPh")) {
                        phoneticDepth = depth;
                    }
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == phoneticDepth) {
                    phoneticDepth = 0;
                }
                depth--;
            }
        }
        return text.toString();
    }

    /** Reads a text-only element to its end, its text in the pieces the parser gives (16 KiB at most). */
    private static void appendText(XMLStreamReader xml, StringBuilder text, int max) throws XMLStreamException {
        for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    String piece = xml.getText();
                    if (text.length() + piece.length() > max) {
                        throw new TextTooLongException(max);
                    }
                    text.append(piece);
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new XMLStreamException("an element inside text: <" + xml.getLocalName() + ">", xml.getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the part ends inside an element");
                default -> {
                    // comments and processing instructions are no text
                }
            }
        }
    }

    /** An element's text over what its reader takes. */
    static final class TextTooLongException extends XMLStreamException {

        TextTooLongException(int max) {
            super("a text of more than " + max + " characters");
        }
    }
}
