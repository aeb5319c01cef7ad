package dev.switchboard.domain.model;

/** A tool an agent calls over HTTP (FUNCTION), or an MCP server whose tools it may use (MCP). */
public enum WebToolKind {
    FUNCTION,
    MCP
}
