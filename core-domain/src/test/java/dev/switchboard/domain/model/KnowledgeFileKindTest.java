package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.fake.KnowledgeFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeFileKindTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"a.pdf,PDF", "a.PDF,PDF", "a.docx,DOCX", "a.doc,DOC", "a.txt,TXT", "a.html,HTML", "a.HTM,HTML",
            "a.epub,EPUB", "archive.tar.pdf,PDF"})
    void a_name_says_its_kind_by_its_last_extension_whatever_its_case(String name, KnowledgeFileKind kind) {
        assertThat(KnowledgeFileKind.byName(name)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"README", "notes.", "slides.pptx", "image.png", "pdf", ".bashrc"})
    void a_name_without_a_known_extension_says_no_kind(String name) {
        assertThat(KnowledgeFileKind.byName(name)).isEmpty();
    }

    @Test
    void no_name_says_no_kind() {
        assertThat(KnowledgeFileKind.byName(null)).isEmpty();
    }

    @Test
    void each_real_file_is_told_by_its_bytes() {
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.pdf())).contains(KnowledgeFileKind.PDF);
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.doc())).contains(KnowledgeFileKind.DOC);
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.docx())).contains(KnowledgeFileKind.DOCX);
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.epub())).contains(KnowledgeFileKind.EPUB);
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.txt())).contains(KnowledgeFileKind.TXT);
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.html())).contains(KnowledgeFileKind.HTML);
    }

    @Test
    void a_zip_whose_mimetype_is_not_its_first_entry_is_no_epub() {
        byte[] late = KnowledgeFiles.zip(false, "META-INF/container.xml", "<container/>",
                "mimetype", "application/epub+zip");

        assertThat(KnowledgeFileKind.detect(late)).isEmpty();
    }

    @Test
    void a_zip_of_anything_else_is_no_kind() {
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.plainZip())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE html><p>x</p>", "<html lang=\"en\"></html>", "  \n\t<HTML></HTML>",
            "<head><title>t</title></head>", "<body>hi</body>", "<!-- generated --><html></html>",
            "\uFEFF<!doctype html><html></html>"})
    void html_is_told_by_how_it_starts(String start) {
        assertThat(KnowledgeFileKind.detect(utf8(start))).contains(KnowledgeFileKind.HTML);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<div>not a document</div>", "plain words", "<!-- a comment alone -->", "%PDF is mentioned"})
    void other_utf8_text_is_text(String text) {
        assertThat(KnowledgeFileKind.detect(utf8(text))).contains(KnowledgeFileKind.TXT);
    }

    @Test
    void bytes_that_are_not_utf8_or_hold_a_nul_are_no_kind() {
        assertThat(KnowledgeFileKind.detect(new byte[] {'a', (byte) 0xC3, 0x28, 'b'})).isEmpty();
        assertThat(KnowledgeFileKind.detect(new byte[] {'a', 0x00, 'b'})).isEmpty();
        assertThat(KnowledgeFileKind.detect(KnowledgeFiles.junk())).isEmpty();
    }

    @Test
    void no_bytes_are_no_kind() {
        assertThat(KnowledgeFileKind.detect(new byte[0])).isEmpty();
        assertThat(KnowledgeFileKind.detect(null)).isEmpty();
    }

    @Test
    void a_signature_cut_short_is_no_binary_kind() {
        assertThat(KnowledgeFileKind.detect(utf8("%PDF"))).contains(KnowledgeFileKind.TXT);
    }

    @Test
    void each_kind_has_its_media_type() {
        assertThat(KnowledgeFileKind.PDF.mediaType()).isEqualTo("application/pdf");
        assertThat(KnowledgeFileKind.DOCX.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(KnowledgeFileKind.DOC.mediaType()).isEqualTo("application/msword");
        assertThat(KnowledgeFileKind.TXT.mediaType()).isEqualTo("text/plain");
        assertThat(KnowledgeFileKind.HTML.mediaType()).isEqualTo("text/html");
        assertThat(KnowledgeFileKind.EPUB.mediaType()).isEqualTo("application/epub+zip");
    }
}
