package com.winwinmbs.portal.api.auth;

import java.net.URI;
import java.util.Objects;

/**
 * Where to send a browser to sign in through SSO, and the {@code state} to check on its return.
 * Keep the state with the user's browser session (not in a cookie the page can read) and hand it to
 * {@link AuthApi#ssoCallback(URI, String)} when the callback arrives.
 *
 * @param url {@code {baseUrl}{guideBasePath}/auth/sso/login?provider=…&redirect=…&state=…}
 * @param state a random value, sent as {@code state} and expected back in the callback (CSRF
 *     protection)
 */
public record SsoLogin(URI url, String state) {

  public SsoLogin {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(state, "state == null");
  }
}
