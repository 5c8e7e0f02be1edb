package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's subscription plan: {@code Free}, {@code Starter}, {@code Professional} or {@code
 * Enterprise}. Value-preserving: a value this client does not know decodes and re-encodes
 * unchanged.
 *
 * @param value the value as sent
 */
public record TenantPlan(@JsonValue String value) {

  public static final TenantPlan FREE = new TenantPlan("Free");
  public static final TenantPlan STARTER = new TenantPlan("Starter");
  public static final TenantPlan PROFESSIONAL = new TenantPlan("Professional");
  public static final TenantPlan ENTERPRISE = new TenantPlan("Enterprise");

  private static final Map<String, TenantPlan> KNOWN =
      Map.of(
          FREE.value, FREE,
          STARTER.value, STARTER,
          PROFESSIONAL.value, PROFESSIONAL,
          ENTERPRISE.value, ENTERPRISE);

  public TenantPlan {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, else a new instance holding it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TenantPlan of(String value) {
    Objects.requireNonNull(value, "value == null");
    TenantPlan known = KNOWN.get(value);
    return known != null ? known : new TenantPlan(value);
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
