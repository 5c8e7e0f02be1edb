package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/**
 * The portal did not accept the credentials (401): no token, an expired or rejected token that a
 * refresh could not replace, or a missing API key.
 */
public class AuthenticationException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
