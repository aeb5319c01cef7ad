package dev.switchboard.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.fake.KnowledgeFiles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeContentTest {

    private static final long MAX = 10_000;
    private static final String EMOJI = "\uD83D\uDE00";

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field);
            assertThat(e.violations().get(0).message()).contains(message);
        });
    }

    private static List<URI> urls(int count) {
        return IntStream.range(0, count).mapToObj(i -> URI.create("https://example.com/page/" + i)).toList();
    }

    @Test
    void a_text_of_49_characters_is_refused() {
        assertRefused(() -> new KnowledgeContent.Text("a".repeat(49)), "content", "it has 49");
    }

    @Test
    void a_text_of_50_characters_is_taken_and_counts_its_utf8_bytes() {
        KnowledgeContent.Text text = new KnowledgeContent.Text("a".repeat(50));

        assertThat(text.type()).isEqualTo(KnowledgeType.TEXT);
        assertThat(text.sizeBytes()).isEqualTo(50);
    }

    @Test
    void a_text_of_5000_characters_is_taken() {
        assertThat(new KnowledgeContent.Text("a".repeat(5_000)).sizeBytes()).isEqualTo(5_000);
    }

    @Test
    void a_text_of_5001_characters_is_refused() {
        assertRefused(() -> new KnowledgeContent.Text("a".repeat(5_001)), "content", "it has 5001");
    }

    @Test
    void an_emoji_counts_as_one_character_but_its_four_bytes_count_as_four() {
        KnowledgeContent.Text fifty = new KnowledgeContent.Text(EMOJI.repeat(50));
        KnowledgeContent.Text fiveThousand = new KnowledgeContent.Text(EMOJI.repeat(5_000));

        assertThat(fifty.sizeBytes()).isEqualTo(200);
        assertThat(fiveThousand.text()).hasSize(10_000);
        assertRefused(() -> new KnowledgeContent.Text(EMOJI.repeat(49)), "content", "it has 49");
        assertRefused(() -> new KnowledgeContent.Text(EMOJI.repeat(5_001)), "content", "it has 5001");
    }

    @Test
    void a_blank_or_missing_text_is_refused() {
        assertRefused(() -> new KnowledgeContent.Text(null), "content", "blank");
        assertRefused(() -> new KnowledgeContent.Text(" ".repeat(60)), "content", "blank");
    }

    @Test
    void no_urls_are_refused() {
        assertRefused(() -> new KnowledgeContent.Urls(List.of()), "urls", "it would have 0");
        assertRefused(() -> new KnowledgeContent.Urls(null), "urls", "it would have 0");
    }

    @Test
    void one_url_is_taken_and_counts_as_no_bytes_until_hamsa_fetched_it() {
        KnowledgeContent.Urls one = new KnowledgeContent.Urls(urls(1));

        assertThat(one.type()).isEqualTo(KnowledgeType.URL);
        assertThat(one.sizeBytes()).isZero();
    }

    @Test
    void a_hundred_urls_are_taken() {
        assertThat(new KnowledgeContent.Urls(urls(100)).urls()).hasSize(100);
    }

    @Test
    void a_hundred_and_one_urls_are_refused() {
        assertRefused(() -> new KnowledgeContent.Urls(urls(101)), "urls", "it would have 101");
    }

    @Test
    void the_same_url_twice_is_refused() {
        URI page = URI.create("https://example.com/faq");

        assertRefused(() -> new KnowledgeContent.Urls(List.of(page, URI.create("https://example.com/x"), page)),
                "urls", "same URL twice");
    }

    @Test
    void urls_are_copied_and_added_after_the_first_ones_within_the_same_rules() {
        List<URI> given = new ArrayList<>(urls(2));
        KnowledgeContent.Urls two = new KnowledgeContent.Urls(given);
        given.clear();

        KnowledgeContent.Urls three = two.plus(List.of(URI.create("https://example.com/more")));

        assertThat(two.urls()).hasSize(2);
        assertThat(three.urls()).containsExactly(URI.create("https://example.com/page/0"),
                URI.create("https://example.com/page/1"), URI.create("https://example.com/more"));
        assertRefused(() -> two.plus(urls(99)), "urls", "it would have 101");
        assertRefused(() -> two.plus(urls(1)), "urls", "same URL twice");
    }

    @Test
    void a_real_pdf_is_taken_under_its_name() {
        byte[] bytes = KnowledgeFiles.pdf();

        KnowledgeContent.File file = KnowledgeContent.File.checked("Manual.PDF", bytes, MAX);

        assertThat(file).isEqualTo(new KnowledgeContent.File("Manual.PDF", KnowledgeFileKind.PDF, bytes.length));
        assertThat(file.type()).isEqualTo(KnowledgeType.FILE);
        assertThat(file.sizeBytes()).isEqualTo(bytes.length);
    }

    @Test
    void a_doc_with_an_ole2_header_is_taken_under_its_name() {
        assertThat(KnowledgeContent.File.checked("old.doc", KnowledgeFiles.doc(), MAX).kind())
                .isEqualTo(KnowledgeFileKind.DOC);
    }

    @Test
    void a_real_docx_zip_with_word_parts_is_taken_under_its_name() {
        assertThat(KnowledgeContent.File.checked("letter.docx", KnowledgeFiles.docx(), MAX).kind())
                .isEqualTo(KnowledgeFileKind.DOCX);
    }

    @Test
    void a_real_epub_with_its_mimetype_stored_first_is_taken_under_its_name() {
        assertThat(KnowledgeContent.File.checked("book.epub", KnowledgeFiles.epub(), MAX).kind())
                .isEqualTo(KnowledgeFileKind.EPUB);
    }

    @Test
    void utf8_text_and_html_are_taken_under_their_names() {
        assertThat(KnowledgeContent.File.checked("notes.txt", KnowledgeFiles.txt(), MAX).kind())
                .isEqualTo(KnowledgeFileKind.TXT);
        assertThat(KnowledgeContent.File.checked("faq.html", KnowledgeFiles.html(), MAX).kind())
                .isEqualTo(KnowledgeFileKind.HTML);
        assertThat(KnowledgeContent.File.checked("faq.htm", KnowledgeFiles.html(), MAX).kind())
                .isEqualTo(KnowledgeFileKind.HTML);
    }

    @Test
    void a_pdf_named_txt_is_refused() {
        assertRefused(() -> KnowledgeContent.File.checked("notes.txt", KnowledgeFiles.pdf(), MAX), "file",
                "named as TXT but its content is PDF");
    }

    @Test
    void a_zip_without_word_parts_named_docx_is_refused() {
        assertRefused(() -> KnowledgeContent.File.checked("letter.docx", KnowledgeFiles.plainZip(), MAX), "file",
                "content is none of");
    }

    @Test
    void an_epub_named_docx_is_refused() {
        assertRefused(() -> KnowledgeContent.File.checked("book.docx", KnowledgeFiles.epub(), MAX), "file",
                "named as DOCX but its content is EPUB");
    }

    @Test
    void binary_junk_named_txt_is_refused() {
        assertRefused(() -> KnowledgeContent.File.checked("notes.txt", KnowledgeFiles.junk(), MAX), "file",
                "content is none of");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(() -> KnowledgeContent.File.checked("empty.txt", new byte[0], MAX), "file", "must not be empty");
        assertRefused(() -> KnowledgeContent.File.checked("empty.txt", null, MAX), "file", "must not be empty");
    }

    @Test
    void a_file_of_the_largest_size_is_taken_and_one_byte_more_is_refused() {
        byte[] bytes = KnowledgeFiles.txt();

        assertThat(KnowledgeContent.File.checked("a.txt", bytes, bytes.length).sizeBytes()).isEqualTo(bytes.length);
        assertRefused(() -> KnowledgeContent.File.checked("a.txt", bytes, bytes.length - 1), "file",
                "at most " + (bytes.length - 1) + " bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/notes.txt", "dir/notes.txt", "C:\\Users\\notes.txt", "line\nbreak.txt", "tab\t.txt"})
    void a_name_with_a_path_or_control_characters_is_refused(String name) {
        assertRefused(() -> KnowledgeContent.File.checked(name, KnowledgeFiles.txt(), MAX), "file", "plain file name");
    }

    @Test
    void a_name_of_255_characters_is_taken_and_256_refused() {
        String ok = "n".repeat(251) + ".txt";

        assertThat(KnowledgeContent.File.checked(ok, KnowledgeFiles.txt(), MAX).fileName()).hasSize(255);
        assertRefused(() -> KnowledgeContent.File.checked("n" + ok, KnowledgeFiles.txt(), MAX), "file", "at most 255");
    }

    @Test
    void a_name_without_a_kind_hamsa_takes_is_refused() {
        assertRefused(() -> KnowledgeContent.File.checked("slides.pptx", KnowledgeFiles.docx(), MAX), "file",
                "must be a PDF, DOCX, DOC, TXT, HTML or EPUB");
        assertRefused(() -> KnowledgeContent.File.checked("README", KnowledgeFiles.txt(), MAX), "file",
                "by its name's extension");
        assertRefused(() -> KnowledgeContent.File.checked(" ", KnowledgeFiles.txt(), MAX), "file", "file name");
    }

    @Test
    void a_recorded_file_needs_a_byte_and_a_plain_name() {
        assertRefused(() -> new KnowledgeContent.File("a.txt", KnowledgeFileKind.TXT, 0), "file", "must not be empty");
        assertRefused(() -> new KnowledgeContent.File("a/b.txt", KnowledgeFileKind.TXT, 10), "file", "plain file name");
    }
}
