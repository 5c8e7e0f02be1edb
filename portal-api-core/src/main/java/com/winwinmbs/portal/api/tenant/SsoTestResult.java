package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of testing a tenant's SSO connection. A failed test is an answer, not an error:
 * {@code success} is false and {@code message} says why.
 *
 * @param success whether the portal reached the identity provider
 * @param message what the portal found, for example {@code Failed to connect to IdP: Connection
 *     timeout}
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record SsoTestResult(
    boolean success,
    @Nullable String message,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SsoTestResult {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
