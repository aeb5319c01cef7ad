package dev.switchboard.domain.model;

/** The HTTP methods Hamsa calls a web tool with. */
public enum ToolHttpMethod {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE
}
