package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.winwinmbs.portal.api.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a login returns: the user, the tenant and the access token. The refresh token is not here:
 * it arrives as an httpOnly cookie, kept by the {@link SessionTokenSource}. {@link #toString()}
 * redacts the access token.
 *
 * @param user the signed-in user
 * @param tenant the user's tenant
 * @param accessToken the bearer token for the following calls
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record LoginResult(
    @Nullable SessionUser user,
    @Nullable Tenant tenant,
    String accessToken,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public LoginResult {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  @Override
  public String toString() {
    return "LoginResult[user="
        + user
        + ", tenant="
        + tenant
        + ", accessToken=[REDACTED], additionalProperties="
        + additionalProperties
        + "]";
  }
}
