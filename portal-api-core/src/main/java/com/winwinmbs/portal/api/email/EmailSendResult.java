package com.winwinmbs.portal.api.email;

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
 * What the portal answers to an email it accepted.
 *
 * @param id the id of the email, as listed in the history
 * @param messageId the message id given by the mail provider
 * @param status the delivery state, usually {@code queued}
 * @param recipients the addresses it will be sent to
 * @param queuedAt when it was accepted
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmailSendResult(
    @Nullable String id,
    @Nullable String messageId,
    @Nullable EmailStatus status,
    @Nullable List<String> recipients,
    @Nullable Instant queuedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public EmailSendResult {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
