package com.winwinmbs.portal.api.mcptoken;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
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

  private static final List<McpTokenStatus> KNOWN = List.of(ACTIVE, REVOKED, EXPIRED);

  public McpTokenStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static McpTokenStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (McpTokenStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new McpTokenStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<McpTokenStatus> known() {
    return KNOWN;
  }

  /** Whether this is one of the values this client knows. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
