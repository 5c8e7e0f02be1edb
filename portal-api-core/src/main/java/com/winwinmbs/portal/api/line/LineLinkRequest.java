package com.winwinmbs.portal.api.line;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Links a portal user to a LINE account, given either the LINE user id or the authorization code of
 * a LINE Login. {@link #toString()} redacts the code.
 *
 * <pre>{@code
 * LineLink link = portal.line().link(LineLinkRequest.builder()
 *     .userId(userId)
 *     .code(codeFromLineLogin)
 *     .redirectUri("https://app.example.co.th/line/callback")
 *     .build());
 * }</pre>
 *
 * @param userId the portal user; the caller when absent
 * @param lineUserId the LINE user id, for example {@code U4af4980629...}
 * @param code the authorization code a LINE Login redirect returned
 * @param redirectUri the redirect URI that LINE Login used, needed with {@code code}
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LineLinkRequest(
    @Nullable String userId,
    @Nullable String lineUserId,
    @Nullable String code,
    @Nullable String redirectUri,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public LineLinkRequest {
    if (lineUserId == null && code == null) {
      throw new IllegalArgumentException(
          "a LINE link needs a lineUserId or the code of a LINE Login");
    }
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every field, with {@code code} redacted. */
  @Override
  public String toString() {
    return "LineLinkRequest[userId="
        + userId
        + ", lineUserId="
        + lineUserId
        + ", code="
        + (code == null ? "null" : "[REDACTED]")
        + ", redirectUri="
        + redirectUri
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }

  /** Builds a {@link LineLinkRequest}. */
  public static final class Builder {
    private @Nullable String userId;
    private @Nullable String lineUserId;
    private @Nullable String code;
    private @Nullable String redirectUri;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** The portal user; the caller when absent. */
    public Builder userId(@Nullable String userId) {
      this.userId = userId;
      return this;
    }

    /** The LINE user id, for example {@code U4af4980629...}. */
    public Builder lineUserId(@Nullable String lineUserId) {
      this.lineUserId = lineUserId;
      return this;
    }

    /** The authorization code a LINE Login redirect returned. */
    public Builder code(@Nullable String code) {
      this.code = code;
      return this;
    }

    /** The redirect URI that LINE Login used, needed with {@code code}. */
    public Builder redirectUri(@Nullable String redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /** Adds a field this client has no setter for, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    public LineLinkRequest build() {
      return new LineLinkRequest(
          userId, lineUserId, code, redirectUri, new LinkedHashMap<>(additionalProperties));
    }
  }
}
