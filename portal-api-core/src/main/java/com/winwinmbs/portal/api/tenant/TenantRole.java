package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A user's role in the tenant: {@code Admin}, {@code Member} or {@code Viewer}. Value-preserving: a
 * value this client does not know decodes and re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record TenantRole(@JsonValue String value) {

  public static final TenantRole ADMIN = new TenantRole("Admin");

  public static final TenantRole MEMBER = new TenantRole("Member");

  public static final TenantRole VIEWER = new TenantRole("Viewer");

  private static final List<TenantRole> KNOWN = List.of(ADMIN, MEMBER, VIEWER);

  public TenantRole {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TenantRole of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (TenantRole known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new TenantRole(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<TenantRole> known() {
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
