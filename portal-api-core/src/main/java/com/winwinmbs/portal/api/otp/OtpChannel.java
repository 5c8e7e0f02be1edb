package com.winwinmbs.portal.api.otp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * How a one-time password is delivered. A value the client does not know decodes and re-encodes
 * unchanged; {@link #isKnown()} tells the two apart.
 *
 * <pre>{@code
 * OtpChallenge challenge = portal.otp().request(OtpRequest.of(OtpChannel.SMS, "+66812345678", "login"));
 * }</pre>
 *
 * @param value the wire value
 */
public record OtpChannel(@JsonValue String value) {

  /** {@code email}: by email */
  public static final OtpChannel EMAIL = new OtpChannel("email");

  /** {@code sms}: by text message */
  public static final OtpChannel SMS = new OtpChannel("sms");

  private static final List<OtpChannel> KNOWN = List.of(EMAIL, SMS);

  public OtpChannel {
    Objects.requireNonNull(value, "value == null");
  }

  /** The constant for a known value, otherwise a new instance holding the value as sent. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OtpChannel of(String value) {
    Objects.requireNonNull(value, "value == null");
    for (OtpChannel known : KNOWN) {
      if (known.value.equals(value)) {
        return known;
      }
    }
    return new OtpChannel(value);
  }

  /** The values this client knows, in the order they are declared. */
  public static List<OtpChannel> known() {
    return KNOWN;
  }

  /** Whether this is one of the values this client knows. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return value;
  }
}
