package dev.switchboard.domain.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each kind Hamsa takes, built byte by byte, for tests of the content checks. */
public final class KnowledgeFiles {

    private static final byte[] OLE2_HEADER =
            {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private KnowledgeFiles() {
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An OLE2 compound file header followed by an empty sector, as a Word 97 .doc starts. */
    public static byte[] doc() {
        byte[] bytes = new byte[512];
        System.arraycopy(OLE2_HEADER, 0, bytes, 0, OLE2_HEADER.length);
        bytes[0x18] = 0x3E;
        bytes[0x1A] = 0x03;
        bytes[0x1C] = (byte) 0xFE;
        bytes[0x1D] = (byte) 0xFF;
        return bytes;
    }

    /** A zip with the parts of a word-processing document. */
    public static byte[] docx() {
        return zip(false,
                "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/content-types\"/>",
                "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>",
                "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                        + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>");
    }

    /** A zip whose first entry is its {@code mimetype}, stored, as the EPUB spec has it. */
    public static byte[] epub() {
        return zip(true,
                "mimetype", "application/epub+zip",
                "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\"/>",
                "OEBPS/content.opf", "<?xml version=\"1.0\"?><package/>");
    }

    /** A zip that is neither a DOCX nor an EPUB. */
    public static byte[] plainZip() {
        return zip(false, "readme.md", "# nothing here", "data/values.csv", "a,b\n1,2\n");
    }

    public static byte[] txt() {
        return "Opening hours: Monday to Friday, 9:00 to 17:00. Ünïcödé is fine.\n".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>FAQ</title></head><body><p>Refunds within 30 days.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes that are no kind at all: a NUL and bytes that are not UTF-8. */
    public static byte[] junk() {
        return new byte[] {0x01, 0x00, (byte) 0xFF, (byte) 0xFE, 0x13, 0x37, (byte) 0xC3, 0x28};
    }

    /**
     * @param firstStored whether the first entry is stored uncompressed (the EPUB {@code mimetype} rule)
     * @param entries     name, content, name, content...
     */
    public static byte[] zip(boolean firstStored, String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] content = entries[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(entries[i]);
                if (i == 0 && firstStored) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
