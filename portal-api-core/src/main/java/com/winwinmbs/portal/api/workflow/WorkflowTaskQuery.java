package com.winwinmbs.portal.api.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code workflow().tasks}, sent as query parameters ({@code
 * ?assignee_user_id=…&status=…}); filters left null are not sent.
 *
 * <pre>{@code
 * Page<WorkflowTask> mine = portal.workflow().tasks(WorkflowTaskQuery.builder()
 *     .assigneeUserId(me)
 *     .status(WorkflowTaskStatus.PENDING)
 *     .build());
 * }</pre>
 *
 * @param assigneeUserId only tasks assigned to this user ({@code assignee_user_id})
 * @param status only tasks in this state ({@code status})
 * @param workflowId only tasks of this workflow ({@code workflow_id})
 * @param instanceId only tasks of this instance ({@code instance_id})
 * @param page the page number, from 1 ({@code page})
 * @param limit the page size ({@code limit})
 * @param additionalParameters further query parameters the portal understands, sent as given
 */
public record WorkflowTaskQuery(
    @Nullable String assigneeUserId,
    @Nullable WorkflowTaskStatus status,
    @Nullable String workflowId,
    @Nullable String instanceId,
    @Nullable Integer page,
    @Nullable Integer limit,
    Map<String, String> additionalParameters) {

  public WorkflowTaskQuery {
    WorkflowInstanceQuery.checkPaging(page, limit);
    additionalParameters =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(additionalParameters == null ? Map.of() : additionalParameters));
  }

  /** Every task the caller may see, first page, the portal's default size. */
  public static WorkflowTaskQuery all() {
    return builder().build();
  }

  /** A builder for a {@link WorkflowTaskQuery}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy asking for another page. */
  public WorkflowTaskQuery withPage(int page) {
    return new WorkflowTaskQuery(
        assigneeUserId, status, workflowId, instanceId, page, limit, additionalParameters);
  }

  /** Builds a {@link WorkflowTaskQuery}. */
  public static final class Builder {
    private @Nullable String assigneeUserId;
    private @Nullable WorkflowTaskStatus status;
    private @Nullable String workflowId;
    private @Nullable String instanceId;
    private @Nullable Integer page;
    private @Nullable Integer limit;
    private final Map<String, String> additionalParameters = new LinkedHashMap<>();

    private Builder() {}

    /** Only tasks assigned to this user. */
    public Builder assigneeUserId(@Nullable String assigneeUserId) {
      this.assigneeUserId = assigneeUserId;
      return this;
    }

    /** Only tasks in this state. */
    public Builder status(@Nullable WorkflowTaskStatus status) {
      this.status = status;
      return this;
    }

    /** Only tasks of this workflow. */
    public Builder workflowId(@Nullable String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    /** Only tasks of this instance. */
    public Builder instanceId(@Nullable String instanceId) {
      this.instanceId = instanceId;
      return this;
    }

    /** The page number, from 1. */
    public Builder page(int page) {
      this.page = page;
      return this;
    }

    /** The page size. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Adds a query parameter this client does not model, sent as given. */
    public Builder parameter(String name, String value) {
      additionalParameters.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, () -> "value of query parameter " + name + " == null"));
      return this;
    }

    /** The query. */
    public WorkflowTaskQuery build() {
      return new WorkflowTaskQuery(
          assigneeUserId, status, workflowId, instanceId, page, limit, additionalParameters);
    }
  }
}
