package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.winwinmbs.portal.api.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /auth/me}: who the access token belongs to.
 *
 * @param user the signed-in user
 * @param tenant the user's tenant
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record CurrentUser(
    @Nullable SessionUser user,
    @Nullable Tenant tenant,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public CurrentUser {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
