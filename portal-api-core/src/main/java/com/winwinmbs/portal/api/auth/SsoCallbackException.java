package com.winwinmbs.portal.api.auth;

import java.util.Objects;

/**
 * An SSO callback that must not be trusted: its {@code state} is not the one issued (a forged or
 * replayed callback, CSRF), or its token or tenant is missing. The message never quotes the token
 * or the states.
 */
public final class SsoCallbackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the callback was refused. */
  public enum Reason {
    /** The callback carries no {@code state} although one was issued. */
    MISSING_STATE,
    /** The callback's {@code state} differs from the one issued. */
    STATE_MISMATCH,
    /** The callback carries no {@code token}. */
    MISSING_TOKEN,
    /** The callback carries no {@code tenant}. */
    MISSING_TENANT,
    /** A parameter appears more than once, so which one counts is ambiguous. */
    DUPLICATE_PARAMETER
  }

  private final Reason reason;

  /** A refusal for this reason; the message must not quote the token or the states. */
  public SsoCallbackException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** Why the callback was refused. */
  public Reason reason() {
    return reason;
  }
}
