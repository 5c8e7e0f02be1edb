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
 * One email the portal sent or tried to send.
 *
 * @param id the email id
 * @param messageId the message id given by the mail provider
 * @param to the recipients
 * @param cc copy recipients
 * @param bcc blind copy recipients
 * @param subject the subject as sent
 * @param templateCode the template used, if any
 * @param status the delivery state
 * @param errorMessage why it failed, when it did
 * @param provider the mail provider that carried it
 * @param sentBy the id of the user or application that sent it
 * @param sentAt when the provider accepted it
 * @param openedAt when a recipient first opened it, when tracked
 * @param createdAt when it was queued
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmailHistoryEntry(
    @Nullable String id,
    @Nullable String messageId,
    @Nullable List<String> to,
    @Nullable List<String> cc,
    @Nullable List<String> bcc,
    @Nullable String subject,
    @Nullable String templateCode,
    @Nullable EmailStatus status,
    @Nullable String errorMessage,
    @Nullable String provider,
    @Nullable String sentBy,
    @Nullable Instant sentAt,
    @Nullable Instant openedAt,
    @Nullable Instant createdAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public EmailHistoryEntry {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
