package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /tenants/register}: the organization, its first admin and the plan.
 * {@link #toString()} redacts the password.
 *
 * <pre>{@code
 * new RegisterTenantRequest("Acme Corporation", "acme", "admin@acme.com", password, "John Doe",
 *     TenantPlan.PROFESSIONAL);
 * }</pre>
 *
 * @param organizationName the organization's name
 * @param slug the tenant's slug (its address), for example {@code acme}
 * @param adminEmail the first admin's email address
 * @param adminPassword the first admin's password
 * @param adminFullName the first admin's display name
 * @param plan the subscription plan
 * @param additionalProperties further fields to send as they are
 */
public record RegisterTenantRequest(
    String organizationName,
    String slug,
    String adminEmail,
    String adminPassword,
    String adminFullName,
    TenantPlan plan,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RegisterTenantRequest {
    Objects.requireNonNull(organizationName, "organizationName == null");
    Objects.requireNonNull(slug, "slug == null");
    Objects.requireNonNull(adminEmail, "adminEmail == null");
    Objects.requireNonNull(adminPassword, "adminPassword == null");
    Objects.requireNonNull(adminFullName, "adminFullName == null");
    Objects.requireNonNull(plan, "plan == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request without further fields. */
  public RegisterTenantRequest(
      String organizationName,
      String slug,
      String adminEmail,
      String adminPassword,
      String adminFullName,
      TenantPlan plan) {
    this(organizationName, slug, adminEmail, adminPassword, adminFullName, plan, null);
  }

  @Override
  public String toString() {
    return "RegisterTenantRequest[organizationName="
        + organizationName
        + ", slug="
        + slug
        + ", adminEmail="
        + adminEmail
        + ", adminPassword=[REDACTED], adminFullName="
        + adminFullName
        + ", plan="
        + plan
        + "]";
  }
}
