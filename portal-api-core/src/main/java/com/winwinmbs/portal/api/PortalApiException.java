package com.winwinmbs.portal.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Root of every failure the client reports. Subtypes say what went wrong by status ({@link
 * NotFoundException}, {@link RateLimitException}, …) or that no response arrived ({@link
 * TransportException}).
 *
 * <p>The message shows the status, error code, portal message, method, path and request id; it
 * never holds a credential. The response body is kept in {@link #rawBody()}.
 */
public class PortalApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final PortalError error;
  private final int attempts;

  public PortalApiException(
      String message, PortalError error, int attempts, @Nullable Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error == null");
    this.attempts = attempts;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return error.status();
  }

  /** The portal's error code, for example {@code NOT_FOUND}, or null. */
  public @Nullable String code() {
    return error.code();
  }

  /** The portal's human message, or null. */
  public @Nullable String errorMessage() {
    return error.message();
  }

  /** The {@code details} object of the error envelope. */
  public Map<String, Object> details() {
    return error.details();
  }

  /** The field-level validation errors, keyed by field. */
  public Map<String, List<String>> fieldErrors() {
    return error.fieldErrors();
  }

  /** The portal's request id, to quote to portal support, or null. */
  public @Nullable String requestId() {
    return error.requestId();
  }

  /** The request path. */
  public @Nullable String path() {
    return error.path();
  }

  /** The HTTP method. */
  public @Nullable String method() {
    return error.method();
  }

  /** The portal's timestamp of the error, as sent, or null. */
  public @Nullable String timestamp() {
    return error.timestamp();
  }

  /** The response body as text (cut at 64 KiB), or null. */
  public @Nullable String rawBody() {
    return error.rawBody();
  }

  /** Everything the portal told about the failure. */
  public PortalError error() {
    return error;
  }

  /** How many attempts were sent before the client gave up (0 when none could be sent). */
  public int attempts() {
    return attempts;
  }
}
