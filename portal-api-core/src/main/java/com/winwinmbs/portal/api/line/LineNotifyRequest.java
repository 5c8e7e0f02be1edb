package com.winwinmbs.portal.api.line;

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
 * A LINE message to push to portal users (by user id) or LINE accounts (by LINE user id): a text
 * {@code message}, LINE message objects in {@code messages}, or a template.
 *
 * <pre>{@code
 * LineNotifyResult result = portal.line().notify(LineNotifyRequest.builder()
 *     .userIds(List.of(approverId))
 *     .message("A purchase request waits for your approval")
 *     .build());
 * }</pre>
 *
 * @param userIds portal users to notify (those with a linked LINE account receive it)
 * @param lineUserIds LINE user ids to notify directly
 * @param message a text message
 * @param messages LINE Messaging API message objects (flex, image, ...), sent as given
 * @param templateCode the code of a notification template
 * @param variables values for the template's placeholders
 * @param notificationDisabled whether to deliver silently
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LineNotifyRequest(
    @Nullable List<String> userIds,
    @Nullable List<String> lineUserIds,
    @Nullable String message,
    @Nullable List<Map<String, Object>> messages,
    @Nullable String templateCode,
    @Nullable Map<String, Object> variables,
    @Nullable Boolean notificationDisabled,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public LineNotifyRequest {
    if ((userIds == null || userIds.isEmpty()) && (lineUserIds == null || lineUserIds.isEmpty())) {
      throw new IllegalArgumentException("a LINE notification needs userIds or lineUserIds");
    }
    if (message == null && (messages == null || messages.isEmpty()) && templateCode == null) {
      throw new IllegalArgumentException(
          "a LINE notification needs a message, messages or a templateCode");
    }
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LineNotifyRequest}. */
  public static final class Builder {
    private @Nullable List<String> userIds;
    private @Nullable List<String> lineUserIds;
    private @Nullable String message;
    private @Nullable List<Map<String, Object>> messages;
    private @Nullable String templateCode;
    private @Nullable Map<String, Object> variables;
    private @Nullable Boolean notificationDisabled;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Portal users to notify (those with a linked LINE account receive it). */
    public Builder userIds(@Nullable List<String> userIds) {
      this.userIds = userIds;
      return this;
    }

    /** LINE user ids to notify directly. */
    public Builder lineUserIds(@Nullable List<String> lineUserIds) {
      this.lineUserIds = lineUserIds;
      return this;
    }

    /** A text message. */
    public Builder message(@Nullable String message) {
      this.message = message;
      return this;
    }

    /** LINE Messaging API message objects (flex, image, ...), sent as given. */
    public Builder messages(@Nullable List<Map<String, Object>> messages) {
      this.messages = messages;
      return this;
    }

    /** The code of a notification template. */
    public Builder templateCode(@Nullable String templateCode) {
      this.templateCode = templateCode;
      return this;
    }

    /** Values for the template's placeholders. */
    public Builder variables(@Nullable Map<String, Object> variables) {
      this.variables = variables;
      return this;
    }

    /** Whether to deliver silently. */
    public Builder notificationDisabled(@Nullable Boolean notificationDisabled) {
      this.notificationDisabled = notificationDisabled;
      return this;
    }

    /** Adds a field this client has no setter for, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    public LineNotifyRequest build() {
      return new LineNotifyRequest(
          userIds,
          lineUserIds,
          message,
          messages,
          templateCode,
          variables,
          notificationDisabled,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
