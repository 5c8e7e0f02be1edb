package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One step of a workflow definition.
 *
 * @param id the step's id
 * @param name the step's display name
 * @param stepOrder the step's position, from 1
 * @param approverType who decides: {@code user}, {@code role}, {@code manager}, …
 * @param approverId the user or role that decides, when {@code approver_type} names one
 * @param timeoutHours hours before the step escalates, when it does
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowStep(
    @Nullable String id,
    @Nullable String name,
    @Nullable Integer stepOrder,
    @Nullable String approverType,
    @Nullable String approverId,
    @Nullable Integer timeoutHours,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public WorkflowStep {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
