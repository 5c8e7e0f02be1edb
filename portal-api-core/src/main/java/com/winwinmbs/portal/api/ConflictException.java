package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/** The request conflicts with the current state, for example a slug already taken (409). */
public class ConflictException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public ConflictException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
