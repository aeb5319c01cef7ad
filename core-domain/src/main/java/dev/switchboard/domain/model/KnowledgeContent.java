package dev.switchboard.domain.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a knowledge item holds, by type, once validated. A file's bytes are not kept: Hamsa holds them, and
 * Switchboard keeps what it needs to account for them (name, kind, size).
 */
public sealed interface KnowledgeContent {

    int TEXT_MIN = 50;
    int TEXT_MAX = 5_000;
    int URLS_MIN = 1;
    int URLS_MAX = 100;
    int FILE_NAME_MAX = 255;

    KnowledgeType type();

    /** The bytes this content takes in Hamsa's storage as far as Switchboard can know before Hamsa processes it. */
    long sizeBytes();

    /** Inline text, 50 to 5,000 characters (Unicode code points, as a person counts them). */
    record Text(String text) implements KnowledgeContent {

        public Text {
            if (text == null || text.isBlank()) {
                throw InvalidInputException.of("content", "must not be blank for a TEXT item");
            }
            if (dev.switchboard.domain.model.Text.hasNul(text)) {
                throw InvalidInputException.of("content", dev.switchboard.domain.model.Text.NO_NUL);
            }
            int length = text.codePointCount(0, text.length());
            if (length < TEXT_MIN || length > TEXT_MAX) {
                throw InvalidInputException.of("content", "must be " + TEXT_MIN + " to " + TEXT_MAX
                        + " characters for a TEXT item; it has " + length);
            }
        }

        @Override
        public KnowledgeType type() {
            return KnowledgeType.TEXT;
        }

        @Override
        public long sizeBytes() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** An uploaded file whose bytes were checked to be of {@code kind}. */
    record File(String fileName, KnowledgeFileKind kind, long sizeBytes) implements KnowledgeContent {

        public File {
            Objects.requireNonNull(kind, "kind");
            checkFileName(fileName);
            if (sizeBytes < 1) {
                throw InvalidInputException.of("file", "must not be empty");
            }
        }

        /**
         * A file as uploaded: its name must name a kind Hamsa takes, and its bytes must be of that kind.
         *
         * @param maxBytes the largest file accepted
         */
        public static File checked(String fileName, byte[] bytes, long maxBytes) {
            checkFileName(fileName);
            KnowledgeFileKind named = KnowledgeFileKind.byName(fileName).orElseThrow(() -> InvalidInputException.of(
                    "file", "must be a PDF, DOCX, DOC, TXT, HTML or EPUB file (by its name's extension)"));
            if (bytes == null || bytes.length == 0) {
                throw InvalidInputException.of("file", "must not be empty");
            }
            if (bytes.length > maxBytes) {
                throw InvalidInputException.of("file", "must be at most " + maxBytes + " bytes; it has " + bytes.length);
            }
            KnowledgeFileKind actual = KnowledgeFileKind.detect(bytes).orElseThrow(() -> InvalidInputException.of(
                    "file", "its content is none of PDF, DOCX, DOC, TXT, HTML or EPUB"));
            if (actual != named) {
                throw InvalidInputException.of("file", "is named as " + named + " but its content is " + actual);
            }
            return new File(fileName, actual, bytes.length);
        }

        private static void checkFileName(String fileName) {
            if (fileName == null || fileName.isBlank()) {
                throw InvalidInputException.of("file", "must have a file name");
            }
            if (fileName.length() > FILE_NAME_MAX || fileName.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\')) {
                throw InvalidInputException.of("file", "must have a plain file name of at most " + FILE_NAME_MAX
                        + " characters, without path or control characters");
            }
        }

        @Override
        public KnowledgeType type() {
            return KnowledgeType.FILE;
        }
    }

    /**
     * Web pages Hamsa fetches: 1 to 100 URLs, each already passed by the outbound URL guard. Their size is
     * known only once Hamsa has fetched them, so it counts as nothing until Hamsa reports it.
     */
    record Urls(List<URI> urls) implements KnowledgeContent {

        public Urls {
            urls = urls == null ? List.of() : List.copyOf(urls);
            checkCount(urls.size());
            if (urls.stream().distinct().count() != urls.size()) {
                throw InvalidInputException.of("urls", "must not name the same URL twice");
            }
        }

        public static void checkCount(int count) {
            if (count < URLS_MIN || count > URLS_MAX) {
                throw InvalidInputException.of("urls", "must hold " + URLS_MIN + " to " + URLS_MAX
                        + " URLs for a URL item; it would have " + count);
            }
        }

        /** These URLs and the given ones after them. */
        public Urls plus(List<URI> more) {
            List<URI> all = new java.util.ArrayList<>(urls);
            all.addAll(more);
            return new Urls(all);
        }

        @Override
        public KnowledgeType type() {
            return KnowledgeType.URL;
        }

        @Override
        public long sizeBytes() {
            return 0;
        }
    }
}
