package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tenant of the signed-in user, as login and {@code /auth/me} report it.
 *
 * @param id the tenant's id, sent as {@code X-Tenant-Id} by {@link
 *     SessionTokenSource#requestOptions()}
 * @param slug the tenant's slug, for example {@code acme}
 * @param name the tenant's name
 * @param plan the tenant's subscription plan
 * @param status the tenant's state
 * @param ssoEnabled whether the tenant signs its users in through SSO, or null when not sent
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record SessionTenant(
    @Nullable String id,
    @Nullable String slug,
    @Nullable String name,
    @Nullable TenantPlan plan,
    @Nullable TenantStatus status,
    @Nullable Boolean ssoEnabled,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SessionTenant {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
