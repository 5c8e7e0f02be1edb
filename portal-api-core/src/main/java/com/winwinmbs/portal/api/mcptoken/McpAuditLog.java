package com.winwinmbs.portal.api.mcptoken;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request an MCP token made, from its audit log.
 *
 * @param id the entry's id
 * @param timestamp when the request was made
 * @param httpMethod the request's method
 * @param endpoint the path called, for example {@code /api/mcp/issues/search}
 * @param statusCode the status answered
 * @param durationMs how long the portal took, in milliseconds
 * @param ipAddress where the request came from
 * @param userAgent the agent's {@code User-Agent}
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record McpAuditLog(
    @Nullable String id,
    @Nullable Instant timestamp,
    @Nullable String httpMethod,
    @Nullable String endpoint,
    @Nullable Integer statusCode,
    @Nullable Long durationMs,
    @Nullable String ipAddress,
    @Nullable String userAgent,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public McpAuditLog {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
