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
 * Removes the link between a portal user and their LINE account.
 *
 * @param userId the portal user; the caller when absent
 * @param lineUserId the LINE user id, when a user has more than one link
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LineUnlinkRequest(
    @Nullable String userId,
    @Nullable String lineUserId,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public LineUnlinkRequest {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** Unlinks this user's LINE account. */
  public static LineUnlinkRequest of(String userId) {
    return new LineUnlinkRequest(Objects.requireNonNull(userId, "userId == null"), null, null);
  }
}
