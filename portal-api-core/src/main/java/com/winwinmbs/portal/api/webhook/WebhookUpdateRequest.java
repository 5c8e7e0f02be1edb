package com.winwinmbs.portal.api.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Changes to a webhook; fields left null are not sent and stay as they are. {@link #toString()}
 * redacts the secret.
 *
 * <pre>{@code
 * portal.webhook().update(webhookId, WebhookUpdateRequest.builder().isActive(false).build());
 * }</pre>
 *
 * @param name a display name
 * @param url where events are posted (https)
 * @param description what it is for
 * @param events the events to receive
 * @param secret the signing secret; the portal generates one when absent
 * @param isActive whether events are sent
 * @param maxRetries how often a failed delivery is tried again
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookUpdateRequest(
    @Nullable String name,
    @Nullable String url,
    @Nullable String description,
    @Nullable List<WebhookEvent> events,
    @Nullable String secret,
    @Nullable Boolean isActive,
    @Nullable Integer maxRetries,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public WebhookUpdateRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every field, with {@code secret} redacted. */
  @Override
  public String toString() {
    return "WebhookUpdateRequest[name="
        + name
        + ", url="
        + url
        + ", description="
        + description
        + ", events="
        + events
        + ", secret="
        + (secret == null ? "null" : "[REDACTED]")
        + ", isActive="
        + isActive
        + ", maxRetries="
        + maxRetries
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }

  /** Builds a {@link WebhookUpdateRequest}. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String url;
    private @Nullable String description;
    private @Nullable List<WebhookEvent> events;
    private @Nullable String secret;
    private @Nullable Boolean isActive;
    private @Nullable Integer maxRetries;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** A display name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Where events are posted (https). */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /** What it is for. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /** The events to receive. */
    public Builder events(@Nullable List<WebhookEvent> events) {
      this.events = events;
      return this;
    }

    /** The signing secret; the portal generates one when absent. */
    public Builder secret(@Nullable String secret) {
      this.secret = secret;
      return this;
    }

    /** Whether events are sent. */
    public Builder isActive(@Nullable Boolean isActive) {
      this.isActive = isActive;
      return this;
    }

    /** How often a failed delivery is tried again. */
    public Builder maxRetries(@Nullable Integer maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** Adds a field this client has no setter for, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    public WebhookUpdateRequest build() {
      return new WebhookUpdateRequest(
          name,
          url,
          description,
          events,
          secret,
          isActive,
          maxRetries,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
