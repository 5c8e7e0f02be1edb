package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/** The caller is authenticated but not allowed to do this (403). */
public class PermissionDeniedException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
  }
}
