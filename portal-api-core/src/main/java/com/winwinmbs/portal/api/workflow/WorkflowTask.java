package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One decision a workflow instance waits for, assigned to one user.
 *
 * <pre>{@code
 * Page<WorkflowTask> tasks = portal.workflow().tasks(WorkflowTaskQuery.builder().assigneeUserId(me).build());
 * List<WorkflowTask> pending = tasks.items().stream()
 *     .filter(task -> WorkflowTaskStatus.PENDING.equals(task.status()))
 *     .toList();
 * }</pre>
 *
 * @param id the task's id
 * @param instanceId the instance the task belongs to
 * @param workflowId the workflow the instance runs
 * @param workflowName the workflow's name, for display
 * @param stepName the step the task decides
 * @param stepOrder the step's position, from 1
 * @param assigneeUserId the user who decides
 * @param status the task's state
 * @param comment the decider's comment
 * @param metadata the data sent with the decision
 * @param dueDate when the decision is due
 * @param decidedAt when the decision was made
 * @param createdAt when the task was created
 * @param updatedAt when the task last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkflowTask(
    String id,
    @Nullable String instanceId,
    @Nullable String workflowId,
    @Nullable String workflowName,
    @Nullable String stepName,
    @Nullable Integer stepOrder,
    @Nullable String assigneeUserId,
    @Nullable WorkflowTaskStatus status,
    @Nullable String comment,
    @Nullable Map<String, Object> metadata,
    @Nullable LocalDate dueDate,
    @Nullable Instant decidedAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public WorkflowTask {
    Objects.requireNonNull(id, "id == null");
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
