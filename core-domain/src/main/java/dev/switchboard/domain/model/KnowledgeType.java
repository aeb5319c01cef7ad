package dev.switchboard.domain.model;

/** What a knowledge item holds: text given inline, an uploaded file, or web pages Hamsa fetches. */
public enum KnowledgeType {
    TEXT,
    FILE,
    URL
}
