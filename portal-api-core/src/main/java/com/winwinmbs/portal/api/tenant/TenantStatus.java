package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's state: {@code Active}, {@code Trial}, {@code Suspended} or {@code Cancelled}.
 * Value-preserving: a value this client does not know decodes and re-encodes unchanged.
 *
 * @param value the value as sent
 */
public record TenantStatus(@JsonValue String value) {

  public static final TenantStatus ACTIVE = new TenantStatus("Active");

  public static final TenantStatus TRIAL = new TenantStatus("Trial");

  public static final TenantStatus SUSPENDED = new TenantStatus("Suspended");

  public static final TenantStatus CANCELLED = new TenantStatus("Cancelled");

  private static final List<TenantStatus> KNOWN = List.of(ACTIVE, TRIAL, SUSPENDED, CANCELLED);

  public TenantStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TenantStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (TenantStatus known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new TenantStatus(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<TenantStatus> known() {
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
