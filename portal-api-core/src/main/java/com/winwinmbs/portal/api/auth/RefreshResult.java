package com.winwinmbs.portal.api.auth;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /auth/refresh}: the session's new access token. {@link #toString()}
 * redacts the token.
 *
 * @param accessToken the new access token
 * @param additionalProperties fields of the answer this client does not model
 */
public record RefreshResult(
    @Nullable String accessToken,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public RefreshResult {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  @Override
  public String toString() {
    return "RefreshResult[accessToken=[REDACTED]]";
  }
}
