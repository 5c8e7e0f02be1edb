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
 * A code to check against the challenge it was sent for. {@link #toString()} redacts the code.
 *
 * @param refCode the challenge's reference
 * @param code the code the user entered
 * @param purpose what the code confirms, when the portal asks for it again
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OtpVerifyRequest(
    String refCode,
    String code,
    @Nullable String purpose,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public OtpVerifyRequest {
    Objects.requireNonNull(refCode, "refCode == null");
    Objects.requireNonNull(code, "code == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A request for the challenge's reference and the entered code. */
  public static OtpVerifyRequest of(String refCode, String code) {
    return new OtpVerifyRequest(refCode, code, null, null);
  }

  /** Every field, with {@code code} redacted. */
  @Override
  public String toString() {
    return "OtpVerifyRequest[refCode="
        + refCode
        + ", code="
        + (code == null ? "null" : "[REDACTED]")
        + ", purpose="
        + purpose
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
