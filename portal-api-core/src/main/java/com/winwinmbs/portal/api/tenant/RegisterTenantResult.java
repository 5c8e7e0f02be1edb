package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a registration returns: the new tenant, its first admin and an access token for that admin.
 * {@link #toString()} redacts the token.
 *
 * @param tenant the new tenant
 * @param user its first admin
 * @param accessToken a bearer token for the admin
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record RegisterTenantResult(
    @Nullable Tenant tenant,
    @Nullable TenantUser user,
    @Nullable String accessToken,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RegisterTenantResult {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  @Override
  public String toString() {
    return "RegisterTenantResult[tenant="
        + tenant
        + ", user="
        + user
        + ", accessToken=[REDACTED]"
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
