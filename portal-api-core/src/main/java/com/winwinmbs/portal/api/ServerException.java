package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/** The portal failed (5xx), after the retries the request was eligible for. */
public class ServerException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public ServerException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
