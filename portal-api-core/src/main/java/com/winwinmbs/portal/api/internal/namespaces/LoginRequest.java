package com.winwinmbs.portal.api.internal.namespaces;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code POST /auth/login}; {@link #toString()} redacts the password. */
record LoginRequest(
    String email,
    String password,
    boolean rememberMe,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  LoginRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  @Override
  public String toString() {
    return "LoginRequest[email=" + email + ", password=[REDACTED], rememberMe=" + rememberMe + "]";
  }
}
