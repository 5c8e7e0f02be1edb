package com.winwinmbs.portal.api.otp;

import com.winwinmbs.portal.api.RequestOptions;

/**
 * The {@code otp} namespace ({@code /otp/*}): send a one-time password and check the code a user
 * entered. Obtained from {@code PortalApiClient.otp()}.
 *
 * <pre>{@code
 * OtpChallenge challenge = portal.otp().request(OtpRequest.of(OtpChannel.SMS, "+66812345678", "login"));
 * // show challenge.refCode() beside the code field, then:
 * OtpVerification result = portal.otp().verify(OtpVerifyRequest.of(challenge.refCode(), enteredCode));
 * if (!result.succeeded()) { ... }
 * }</pre>
 *
 * <p>Neither call is retried after a 5xx or an I/O failure (a second code would be sent, an attempt
 * used up) unless it carries an idempotency key.
 */
public interface OtpApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  OtpApi withOptions(RequestOptions options);

  /**
   * Sends a one-time password ({@code POST /otp/request}); the answer holds the reference to verify
   * it against.
   */
  OtpChallenge request(OtpRequest request);

  /**
   * Checks a code ({@code POST /otp/verify}). A wrong code may come back as {@code verified=false}
   * or as an error status (typically 400 or 422), depending on the portal; both mean the code was
   * not accepted.
   */
  OtpVerification verify(OtpVerifyRequest request);
}
