package com.winwinmbs.portal.api.line;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a LINE notification reached.
 *
 * @param requestId the portal's id of the push, for support
 * @param sentCount how many accounts it was pushed to
 * @param failedCount how many could not be reached
 * @param failedUserIds the portal users it did not reach (no linked account, blocked)
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LineNotifyResult(
    @Nullable String requestId,
    @Nullable Integer sentCount,
    @Nullable Integer failedCount,
    @Nullable List<String> failedUserIds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public LineNotifyResult {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
