package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
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

  private static final Map<String, TenantStatus> KNOWN =
      Map.of(
          ACTIVE.value, ACTIVE,
          TRIAL.value, TRIAL,
          SUSPENDED.value, SUSPENDED,
          CANCELLED.value, CANCELLED);

  public TenantStatus {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TenantStatus of(String value) {
    Objects.requireNonNull(value, "value == null");
    TenantStatus known = KNOWN.get(value);
    return known != null ? known : new TenantStatus(value);
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
