package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/**
 * The portal refused the request as malformed or invalid (400); {@link #fieldErrors()} says which
 * fields.
 */
public class BadRequestException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public BadRequestException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
