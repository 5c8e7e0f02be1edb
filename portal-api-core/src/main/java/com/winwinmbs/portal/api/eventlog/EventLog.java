package com.winwinmbs.portal.api.eventlog;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One entry of the portal's audit trail: who ({@code actor_*}) did what ({@code action}) to which
 * resource, from where, and when.
 *
 * @param id the entry id
 * @param category the area of the portal
 * @param action what was done, for example {@code user.login} or {@code role.permissions.updated}
 * @param actorType what kind of actor did it
 * @param actorId the actor's id (user id, application client id, ...)
 * @param actorName the actor's display name at the time
 * @param resourceType the type of resource acted on, for example {@code user}
 * @param resourceId the id of the resource acted on
 * @param resourceName the resource's display name at the time
 * @param description a readable description
 * @param status the outcome, for example {@code success} or {@code failure}
 * @param ipAddress the client address the request came from
 * @param userAgent the client's user agent
 * @param requestId the request id, to correlate with the portal's logs
 * @param metadata event-specific details (changed fields, reasons, ...)
 * @param createdAt when it happened
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventLog(
    @Nullable String id,
    @Nullable EventCategory category,
    @Nullable String action,
    @Nullable ActorType actorType,
    @Nullable String actorId,
    @Nullable String actorName,
    @Nullable String resourceType,
    @Nullable String resourceId,
    @Nullable String resourceName,
    @Nullable String description,
    @Nullable String status,
    @Nullable String ipAddress,
    @Nullable String userAgent,
    @Nullable String requestId,
    @Nullable Map<String, Object> metadata,
    @Nullable Instant createdAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public EventLog {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
