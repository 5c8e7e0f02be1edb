package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A user's role in the tenant: {@code Admin}, {@code Member} or {@code Viewer}. Value-preserving: a
 * value this client does not know decodes and re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record UserRole(@JsonValue String value) {

  public static final UserRole ADMIN = new UserRole("Admin");
  public static final UserRole MEMBER = new UserRole("Member");
  public static final UserRole VIEWER = new UserRole("Viewer");

  private static final Map<String, UserRole> KNOWN =
      Map.of(
          ADMIN.value, ADMIN,
          MEMBER.value, MEMBER,
          VIEWER.value, VIEWER);

  public UserRole {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static UserRole of(String value) {
    Objects.requireNonNull(value, "value == null");
    UserRole known = KNOWN.get(value);
    return known != null ? known : new UserRole(value);
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
