package com.winwinmbs.portal.api.internal;

import java.net.SocketTimeoutException;

/** The body of a response did not arrive within what was left of its attempt. */
final class BodyTimeoutException extends SocketTimeoutException {

  private static final long serialVersionUID = 1L;

  BodyTimeoutException(String message) {
    super(message);
  }
}
