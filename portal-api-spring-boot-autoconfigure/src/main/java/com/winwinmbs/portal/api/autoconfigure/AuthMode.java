package com.winwinmbs.portal.api.autoconfigure;

/** How the auto-configured client authenticates to the portal. */
public enum AuthMode {

  /** No bearer token (an API key alone, or public routes). */
  NONE,

  /** The constant token of {@code portal.api.auth.token}. */
  STATIC,

  /**
   * Machine-to-machine tokens with the {@code client_credentials} grant: through Spring Security's
   * {@code OAuth2AuthorizedClientManager} when a registration id is set, else the core {@code
   * ClientCredentialsTokenProvider}.
   */
  CLIENT_CREDENTIALS,

  /** The current user's bearer token, read at call time from the security context or request. */
  FORWARD,

  /** The user's token inside a user request, the machine token elsewhere. */
  HYBRID
}
