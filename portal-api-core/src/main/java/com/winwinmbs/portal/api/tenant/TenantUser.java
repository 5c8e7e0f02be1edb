package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A user of a tenant, as a registration reports its first admin.
 *
 * @param id the user's id
 * @param email the user's email address
 * @param fullName the user's display name
 * @param role the user's role in the tenant
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record TenantUser(
    @Nullable String id,
    @Nullable String email,
    @Nullable String fullName,
    @Nullable TenantRole role,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public TenantUser {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
