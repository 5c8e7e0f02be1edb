package com.winwinmbs.portal.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A token source could not produce a token: the token endpoint refused or failed, answered
 * something that is not a token, or could not be reached. {@link #status()} is the token endpoint's
 * HTTP status, or 0 when it sent none. The message never holds the client secret.
 */
public class TokenException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  public TokenException(String message, int status, @Nullable Throwable cause) {
    super(
        message,
        new PortalError(status, null, null, Map.of(), null, null, null, null, null),
        0,
        cause);
  }

  public TokenException(String message, @Nullable Throwable cause) {
    this(message, 0, cause);
  }
}
