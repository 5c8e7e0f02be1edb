package com.winwinmbs.portal.api.mcptoken;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * The state of an MCP token, for example {@code Active}. Value-preserving: a value this client does
 * not know decodes and re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record McpTokenStatus(@JsonValue String value) {

  public static final McpTokenStatus ACTIVE = new McpTokenStatus("Active");
  public static final McpTokenStatus REVOKED = new McpTokenStatus("Revoked");
  public static final McpTokenStatus EXPIRED = new McpTokenStatus("Expired");

  private static final Map<String, McpTokenStatus> KNOWN =
      Map.of(
          ACTIVE.value, ACTIVE,
          REVOKED.value, REVOKED,
          EXPIRED.value, EXPIRED);

  public McpTokenStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static McpTokenStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    McpTokenStatus known = KNOWN.get(value);
    return known != null ? known : new McpTokenStatus(value);
  }

  /** Whether this is one of the values the guide documents. */
  public boolean isKnown() {
    return KNOWN.containsKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
