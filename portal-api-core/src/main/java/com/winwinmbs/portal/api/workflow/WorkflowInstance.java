package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One run of a workflow, started for one request (a leave, a purchase order, …).
 *
 * @param id the instance's id
 * @param workflowId the workflow it runs
 * @param workflowName the workflow's name, for display
 * @param referenceType the kind of thing being approved, for example {@code leave_request}
 * @param referenceId the id of the thing being approved
 * @param status the run's state
 * @param currentStep the step waiting for a decision
 * @param initiatorUserId the user who started the run
 * @param data the data the run was started with
 * @param startedAt when the run started
 * @param completedAt when the run ended
 * @param createdAt when the run was recorded
 * @param updatedAt when the run last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowInstance(
    String id,
    @Nullable String workflowId,
    @Nullable String workflowName,
    @Nullable String referenceType,
    @Nullable String referenceId,
    @Nullable WorkflowInstanceStatus status,
    @Nullable Integer currentStep,
    @Nullable String initiatorUserId,
    @Nullable Map<String, Object> data,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public WorkflowInstance {
    Objects.requireNonNull(id, "id == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
