package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code workflow().approve} and {@code reject}: {@code {comment, metadata}}.
 *
 * <pre>{@code
 * portal.workflow().approve(taskId, new TaskDecision("LGTM", Map.of("approved_amount", 12500)));
 * }</pre>
 *
 * @param comment why, shown in the instance's history
 * @param metadata per-workflow data recorded with the decision
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskDecision(
    @Nullable String comment,
    @Nullable Map<String, Object> metadata,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public TaskDecision {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  /** A decision with a comment and per-workflow data, either of which may be null. */
  public TaskDecision(@Nullable String comment, @Nullable Map<String, Object> metadata) {
    this(comment, metadata, new LinkedHashMap<>());
  }
}
