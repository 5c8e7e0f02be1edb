package com.winwinmbs.portal.api.line;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The link between a portal user and a LINE account.
 *
 * @param id the link id
 * @param userId the portal user
 * @param lineUserId the LINE user id
 * @param displayName the LINE display name
 * @param pictureUrl the LINE profile picture
 * @param statusMessage the LINE status message
 * @param isActive whether notifications reach the account
 * @param linkedAt when it was linked
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LineLink(
    @Nullable String id,
    @Nullable String userId,
    @Nullable String lineUserId,
    @Nullable String displayName,
    @Nullable String pictureUrl,
    @Nullable String statusMessage,
    @Nullable Boolean isActive,
    @Nullable Instant linkedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public LineLink {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
