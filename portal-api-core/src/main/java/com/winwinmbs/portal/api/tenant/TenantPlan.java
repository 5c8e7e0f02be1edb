package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
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

  private static final List<TenantPlan> KNOWN = List.of(FREE, STARTER, PROFESSIONAL, ENTERPRISE);

  public TenantPlan {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TenantPlan of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (TenantPlan known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new TenantPlan(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<TenantPlan> known() {
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
