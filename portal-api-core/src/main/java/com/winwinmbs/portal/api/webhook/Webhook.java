package com.winwinmbs.portal.api.webhook;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A webhook subscription: the portal posts the subscribed events to {@code url}, signed with {@code
 * secret}. {@link #toString()} redacts the secret.
 *
 * @param id the webhook id
 * @param name a display name
 * @param url where events are posted
 * @param description what it is for
 * @param events the events it receives
 * @param secret the signing secret; the portal sends it when the webhook is created and masks it
 *     after
 * @param isActive whether events are being sent
 * @param maxRetries how often a failed delivery is tried again
 * @param failureCount failed deliveries in a row
 * @param lastTriggeredAt when an event was last sent
 * @param lastStatusCode the HTTP status of the last delivery
 * @param createdBy the user who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Webhook(
    @Nullable String id,
    @Nullable String name,
    @Nullable String url,
    @Nullable String description,
    @Nullable List<WebhookEvent> events,
    @Nullable String secret,
    @Nullable Boolean isActive,
    @Nullable Integer maxRetries,
    @Nullable Integer failureCount,
    @Nullable Instant lastTriggeredAt,
    @Nullable Integer lastStatusCode,
    @Nullable String createdBy,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Webhook {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** Every field, with {@code secret} redacted. */
  @Override
  public String toString() {
    return "Webhook[id="
        + id
        + ", name="
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
        + ", failureCount="
        + failureCount
        + ", lastTriggeredAt="
        + lastTriggeredAt
        + ", lastStatusCode="
        + lastStatusCode
        + ", createdBy="
        + createdBy
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", additionalProperties="
        + additionalProperties
        + "]";
  }
}
