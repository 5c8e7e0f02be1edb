package com.winwinmbs.portal.api.otp;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of checking a one-time password. {@link #toString()} redacts the verification token.
 *
 * @param verified whether the code was right and still valid
 * @param refCode the challenge's reference
 * @param verifiedAt when it was verified
 * @param attemptsRemaining how many wrong codes may still be tried
 * @param verificationToken a short-lived token proving the verification to later calls, when the
 *     purpose needs one
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OtpVerification(
    @Nullable Boolean verified,
    @Nullable String refCode,
    @Nullable Instant verifiedAt,
    @Nullable Integer attemptsRemaining,
    @Nullable String verificationToken,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OtpVerification {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** Whether the code was accepted. */
  public boolean succeeded() {
    return Boolean.TRUE.equals(verified);
  }

  /** Every field, with {@code verificationToken} redacted. */
  @Override
  public String toString() {
    return "OtpVerification[verified="
        + verified
        + ", refCode="
        + refCode
        + ", verifiedAt="
        + verifiedAt
        + ", attemptsRemaining="
        + attemptsRemaining
        + ", verificationToken="
        + (verificationToken == null ? "null" : "[REDACTED]")
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
