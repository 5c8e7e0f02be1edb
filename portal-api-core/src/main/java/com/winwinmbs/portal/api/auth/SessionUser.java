package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.winwinmbs.portal.api.tenant.TenantRole;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user, as login and {@code /auth/me} report it.
 *
 * @param id the user's id
 * @param email the user's email address
 * @param fullName the user's display name
 * @param role the user's role in the tenant
 * @param authProvider how the user signs in
 * @param avatarUrl the user's picture, or null
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record SessionUser(
    @Nullable String id,
    @Nullable String email,
    @Nullable String fullName,
    @Nullable TenantRole role,
    @Nullable AuthProvider authProvider,
    @Nullable String avatarUrl,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SessionUser {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
