package com.winwinmbs.portal.api.otp;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A request for a one-time password sent to an email address or phone number.
 *
 * <pre>{@code
 * OtpChallenge challenge = portal.otp().request(OtpRequest.of(OtpChannel.EMAIL, "somchai@example.co.th", "login"));
 * }</pre>
 *
 * @param channel how to deliver the code
 * @param destination the email address or phone number (E.164, for example {@code +66812345678})
 * @param purpose what the code confirms, for example {@code login} or {@code reset_password}
 * @param userId the user the code is for, when known
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OtpRequest(
    OtpChannel channel,
    String destination,
    String purpose,
    @Nullable String userId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OtpRequest {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(destination, "destination == null");
    Objects.requireNonNull(purpose, "purpose == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request without a user id or other fields. */
  public static OtpRequest of(OtpChannel channel, String destination, String purpose) {
    return new OtpRequest(channel, destination, purpose, null, null);
  }
}
