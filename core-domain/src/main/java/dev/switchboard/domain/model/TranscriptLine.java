package dev.switchboard.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One turn of a call's transcript. {@code index} is its position when Hamsa gave one, {@code at} the time of
 * the event that carried it; the transcript is ordered by index, then by time.
 */
public record TranscriptLine(String speaker, String text, Integer index, Instant at) {

    public TranscriptLine {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** The same turn, whichever event brought it. */
    boolean sameTurnAs(TranscriptLine other) {
        if (index != null && other.index != null) {
            return index.equals(other.index);
        }
        return speaker.equals(other.speaker) && text.equals(other.text) && Objects.equals(at, other.at);
    }
}
