package com.winwinmbs.portal.api.systemconfig;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The type of a system setting's value. A value the client does not know decodes and re-encodes
 * unchanged; {@link #isKnown()} tells the two apart.
 *
 * <pre>{@code
 * boolean flag = entry.type() != null && entry.type().equals(SystemConfigType.BOOLEAN);
 * }</pre>
 *
 * @param value the wire value
 */
public record SystemConfigType(@JsonValue String value) {

  /** {@code string}: text */
  public static final SystemConfigType STRING = new SystemConfigType("string");

  /** {@code number}: a number */
  public static final SystemConfigType NUMBER = new SystemConfigType("number");

  /** {@code boolean}: true or false */
  public static final SystemConfigType BOOLEAN = new SystemConfigType("boolean");

  /** {@code json}: a JSON object or array */
  public static final SystemConfigType JSON = new SystemConfigType("json");

  /** {@code secret}: a credential; the portal masks it on read */
  public static final SystemConfigType SECRET = new SystemConfigType("secret");

  private static final List<SystemConfigType> KNOWN =
      List.of(STRING, NUMBER, BOOLEAN, JSON, SECRET);

  public SystemConfigType {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SystemConfigType of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (SystemConfigType known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new SystemConfigType(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<SystemConfigType> known() {
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
