package com.winwinmbs.portal.api.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the {@code Authorization: Bearer} header of the servlet request bound to the current
 * thread.
 */
final class RequestHeaderBearerTokenReader implements CurrentUserTokenSource.BearerTokenReader {

  private static final String BEARER = "Bearer ";

  @Override
  public @Nullable String read() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return null;
    }
    HttpServletRequest request = servlet.getRequest();
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }

  @Override
  public String toString() {
    return "AuthorizationHeader";
  }
}
