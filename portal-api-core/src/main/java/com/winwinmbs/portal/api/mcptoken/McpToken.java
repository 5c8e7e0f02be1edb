package com.winwinmbs.portal.api.mcptoken;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An MCP token as listed or fetched: what it may do and how it was used. Its secret value is never
 * part of it (see {@link CreatedMcpToken}).
 *
 * @param id the token's id
 * @param name the token's name, for example {@code Claude AI Agent}
 * @param permissions the operations allowed per resource, for example {@code projects: [read,
 *     search]}
 * @param status the token's state
 * @param createdAt when it was created
 * @param lastUsedAt when it was last used, or null
 * @param expiresAt when it expires, or null for never
 * @param usageCount how many requests it made
 * @param ipWhitelist the addresses it may be used from (details only), or null
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record McpToken(
    @Nullable String id,
    @Nullable String name,
    @Nullable Map<String, List<String>> permissions,
    @Nullable McpTokenStatus status,
    @Nullable Instant createdAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant expiresAt,
    @Nullable Long usageCount,
    @Nullable List<String> ipWhitelist,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public McpToken {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
