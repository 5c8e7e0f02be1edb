package com.winwinmbs.portal.api.mcptoken;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /mcp/tokens}. Fields left null are not sent.
 *
 * <pre>{@code
 * CreateMcpTokenRequest request = new CreateMcpTokenRequest("Claude AI Agent",
 *     Map.of("projects", List.of("read", "search"), "issues", List.of("read", "create")),
 *     Instant.parse("2026-11-01T00:00:00Z"), List.of("10.0.0.0/24"));
 * }</pre>
 *
 * @param name the token's name
 * @param permissions the operations allowed per resource
 * @param expiresAt when it expires, or null for the portal's default
 * @param ipWhitelist the addresses or CIDR ranges it may be used from, or null for any
 * @param additionalProperties further fields to send as they are
 */
public record CreateMcpTokenRequest(
    String name,
    Map<String, List<String>> permissions,
    @Nullable Instant expiresAt,
    @Nullable List<String> ipWhitelist,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public CreateMcpTokenRequest {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(permissions, "permissions == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    permissions = copy(permissions);
    ipWhitelist = ipWhitelist == null ? null : List.copyOf(ipWhitelist);
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request without further fields. */
  public CreateMcpTokenRequest(
      String name,
      Map<String, List<String>> permissions,
      @Nullable Instant expiresAt,
      @Nullable List<String> ipWhitelist) {
    this(name, permissions, expiresAt, ipWhitelist, null);
  }

  /** A request with a name and permissions only. */
  public CreateMcpTokenRequest(String name, Map<String, List<String>> permissions) {
    this(name, permissions, null, null, null);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> permissions) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    permissions.forEach(
        (resource, operations) ->
            copy.put(
                Objects.requireNonNull(resource, "permissions hold a null resource"),
                List.copyOf(
                    Objects.requireNonNull(
                        operations, () -> "operations of '" + resource + "' == null"))));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
