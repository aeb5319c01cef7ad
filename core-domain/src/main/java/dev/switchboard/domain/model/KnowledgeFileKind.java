package dev.switchboard.domain.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types Hamsa's knowledge base takes (PDF, DOCX, DOC, TXT, HTML, EPUB), each told apart by what the
 * file holds, not by its name: a name is the client's word, its bytes are the truth.
 */
public enum KnowledgeFileKind {
    PDF("application/pdf", List.of("pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    DOC("application/msword", List.of("doc")),
    TXT("text/plain", List.of("txt")),
    HTML("text/html", List.of("html", "htm")),
    EPUB("application/epub+zip", List.of("epub"));

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] EPUB_MIMETYPE = ascii("mimetypeapplication/epub+zip");
    private static final byte[] WORD_PART = ascii("word/");
    private static final int SNIFF_TEXT = 1024;

    private final String mediaType;
    private final List<String> extensions;

    KnowledgeFileKind(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The kind a file name says, by its extension. */
    public static Optional<KnowledgeFileKind> byName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.extensions.contains(extension)).findFirst();
    }

    /**
     * The kind the bytes are. Binary formats by their signatures (an EPUB is a zip whose first entry is its
     * {@code mimetype}; a DOCX is a zip with {@code word/} parts; a DOC an OLE2 compound file); HTML and text
     * must be valid UTF-8 without NUL bytes, and HTML starts with a doctype or an html/head/body tag.
     */
    public static Optional<KnowledgeFileKind> detect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        if (startsWith(bytes, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, OLE2_MAGIC)) {
            return Optional.of(DOC);
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            // Local file header: the name starts at byte 30; the EPUB spec puts "mimetype" (stored) first.
            if (indexOf(bytes, EPUB_MIMETYPE, 30, 30 + EPUB_MIMETYPE.length + 2) == 30) {
                return Optional.of(EPUB);
            }
            return indexOf(bytes, WORD_PART, 0, bytes.length) >= 0 ? Optional.of(DOCX) : Optional.empty();
        }
        if (!isUtf8Text(bytes)) {
            return Optional.empty();
        }
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_TEXT), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body") || (head.startsWith("<!--") && head.contains("<html"))) {
            return Optional.of(HTML);
        }
        return Optional.of(TXT);
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from, int to) {
        int end = Math.min(to, bytes.length) - needle.length;
        for (int i = Math.max(0, from); i <= end; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
