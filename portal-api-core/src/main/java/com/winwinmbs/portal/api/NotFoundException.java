package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/** The resource does not exist (404). */
public class NotFoundException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
