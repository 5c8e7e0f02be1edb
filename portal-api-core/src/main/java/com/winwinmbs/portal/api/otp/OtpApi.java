package com.winwinmbs.portal.api.otp;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code otp} namespace ({@code /otp/*}): send a one-time password and check the code a user
 * entered.
 *
 * <pre>{@code
 * OtpChallenge challenge = portal.otp().request(OtpRequest.of(OtpChannel.SMS, "+66812345678", "login"));
 * // show challenge.refCode() beside the code field, then:
 * OtpVerification result = portal.otp().verify(OtpVerifyRequest.of(challenge.refCode(), enteredCode));
 * if (!result.succeeded()) { ... }
 * }</pre>
 *
 * <p>Neither call is retried after a 5xx or an I/O failure (a second code would be sent, an attempt
 * used up) unless it carries an Idempotency-Key.
 */
public final class OtpApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.otp()}. */
  public OtpApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** Sends a one-time password; the answer holds the reference to verify it against. */
  public OtpChallenge request(OtpRequest request) {
    return request(request, null);
  }

  /** Sends a one-time password, with per-call options. */
  public OtpChallenge request(OtpRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.OTP_REQUEST).json(request).options(options), OtpChallenge.class);
  }

  /**
   * Checks a code. A wrong code may come back as {@code verified=false} or as an error status
   * (typically 400 or 422), depending on the portal; both mean the code was not accepted.
   */
  public OtpVerification verify(OtpVerifyRequest request) {
    return verify(request, null);
  }

  /** Checks a code, with per-call options. */
  public OtpVerification verify(OtpVerifyRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.OTP_VERIFY).json(request).secret(request.code()).options(options),
        OtpVerification.class);
  }
}
