package com.winwinmbs.portal.api.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;

/**
 * Reads the token of the current {@link Authentication} when its credentials are an OAuth2 token: a
 * {@code JwtAuthenticationToken}'s {@code Jwt}, a {@code BearerTokenAuthentication}'s opaque token,
 * or any other authentication carrying an {@link AbstractOAuth2Token}.
 */
final class SecurityContextBearerTokenReader implements CurrentUserTokenSource.BearerTokenReader {

  @Override
  public @Nullable String read() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getCredentials() instanceof AbstractOAuth2Token token) {
      return token.getTokenValue();
    }
    return null;
  }

  @Override
  public String toString() {
    return "SecurityContext";
  }
}
