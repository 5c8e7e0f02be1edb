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
 * A one-time password the portal sent: the reference to verify it against and when it expires.
 *
 * @param refCode the reference shown beside the code and sent back with it
 * @param channel how it was delivered
 * @param destination where it was sent, masked, for example {@code +6681***5678}
 * @param purpose what it confirms
 * @param expiresAt when the code stops being accepted
 * @param resendAvailableAt when another code may be requested
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OtpChallenge(
    @Nullable String refCode,
    @Nullable OtpChannel channel,
    @Nullable String destination,
    @Nullable String purpose,
    @Nullable Instant expiresAt,
    @Nullable Instant resendAvailableAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OtpChallenge {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
