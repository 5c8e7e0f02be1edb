package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/**
 * No response arrived: the connection failed or was reset, the response was malformed, or time ran
 * out.
 */
public class TransportException extends PortalApiException {

  private static final long serialVersionUID = 1L;

  private final Kind kind;

  public TransportException(
      String message, Kind kind, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, error, attempts, cause);
    this.kind = kind;
  }

  /** What kind of failure it was. */
  public Kind kind() {
    return kind;
  }

  /** Kinds of transport failure. */
  public enum Kind {
    /** The connection could not be opened (refused, unknown host, connect timeout). */
    CONNECT,
    /** No response within the timeout. */
    TIMEOUT,
    /** The connection broke, or the response was not valid HTTP. */
    IO,
    /** The calling thread was interrupted. */
    INTERRUPTED
  }
}
