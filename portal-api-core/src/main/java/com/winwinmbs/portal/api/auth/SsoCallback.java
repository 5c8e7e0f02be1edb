package com.winwinmbs.portal.api.auth;

import java.util.Objects;

/**
 * What the portal's SSO callback hands the front end, once its {@code state} was checked: the
 * access token and the tenant. {@link #toString()} redacts the token.
 *
 * @param accessToken the bearer token of the new session
 * @param tenant the tenant's slug
 */
public record SsoCallback(String accessToken, String tenant) {

  public SsoCallback {
    Objects.requireNonNull(accessToken, "accessToken == null");
    Objects.requireNonNull(tenant, "tenant == null");
  }

  @Override
  public String toString() {
    return "SsoCallback[accessToken=[REDACTED], tenant=" + tenant + "]";
  }
}
