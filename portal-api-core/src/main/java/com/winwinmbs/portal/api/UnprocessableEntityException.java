package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/** The request is well formed but breaks a business rule (422). */
public class UnprocessableEntityException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
