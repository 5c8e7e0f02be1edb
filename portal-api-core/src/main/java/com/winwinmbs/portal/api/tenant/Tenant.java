package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tenant: one organization's account on the portal. Login and {@code auth().me()} report the
 * signed-in user's tenant in this shape too; its id is what a session sends as {@code X-Tenant-Id}.
 *
 * @param id the tenant's id
 * @param slug the tenant's slug, for example {@code acme}
 * @param name the organization's name
 * @param plan the subscription plan
 * @param status the tenant's state
 * @param ssoEnabled whether its users sign in through SSO, or null when not sent
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record Tenant(
    @Nullable String id,
    @Nullable String slug,
    @Nullable String name,
    @Nullable TenantPlan plan,
    @Nullable TenantStatus status,
    @Nullable Boolean ssoEnabled,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Tenant {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
