package com.winwinmbs.portal.api.mcptoken;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A newly created MCP token, with its secret value. The portal shows the value this once and never
 * again: hand it to the agent or a secret store right away. {@link #toString()} redacts it, and the
 * client never logs it.
 *
 * @param tokenId the token's id
 * @param token the token's secret value, for example {@code mcp_acme_…}
 * @param name the token's name
 * @param createdAt when it was created
 * @param expiresAt when it expires, or null
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record CreatedMcpToken(
    @Nullable String tokenId,
    @Nullable String token,
    @Nullable String name,
    @Nullable Instant createdAt,
    @Nullable Instant expiresAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public CreatedMcpToken {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  @Override
  public String toString() {
    return "CreatedMcpToken[tokenId="
        + tokenId
        + ", token=[REDACTED], name="
        + name
        + ", createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
