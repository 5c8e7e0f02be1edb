package com.winwinmbs.portal.api.workflow;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code workflow} namespace ({@code /workflows}): workflow definitions, their running
 * instances, and the approval tasks waiting for a decision.
 *
 * <pre>{@code
 * Page<WorkflowTask> tasks = portal.workflow().tasks(WorkflowTaskQuery.builder().assigneeUserId(me).build());
 * for (WorkflowTask task : tasks.items()) {
 *   if (WorkflowTaskStatus.PENDING.equals(task.status())) {
 *     portal.workflow().approve(task.id(), "LGTM", Map.of("approved_amount", 12500));
 *   }
 * }
 * }</pre>
 */
public final class WorkflowApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.workflow()}. */
  public WorkflowApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** One page of the workflows matching the criteria ({@code POST /workflows/search}). */
  public Page<Workflow> search(SearchRequest request) {
    return search(request, null);
  }

  /** One page of the workflows matching the criteria, with per-call options. */
  public Page<Workflow> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.WORKFLOW_SEARCH).json(request).options(options), Workflow.class);
  }

  /**
   * Every workflow matching the criteria, from the request's page on (page 1 when unset); each page
   * is fetched when the stream reaches it.
   */
  public Stream<Workflow> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /**
   * Every workflow matching the criteria, fetched page by page as the stream is consumed, with
   * per-call options.
   */
  public Stream<Workflow> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(
        request.page() == null ? 1 : request.page(), n -> search(request.withPage(n), options));
  }

  /**
   * The workflow with this id ({@code GET /workflows/{id}}); a missing one is a {@code
   * NotFoundException}.
   */
  public Workflow findById(String id) {
    return findById(id, null);
  }

  /** The workflow with this id, with per-call options. */
  public Workflow findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.WORKFLOW_FIND_BY_ID).path("id", id).options(options), Workflow.class);
  }

  /** One page of the workflow runs matching the filters ({@code GET /workflows/instances?…}). */
  public Page<WorkflowInstance> instances(WorkflowInstanceQuery query) {
    return instances(query, null);
  }

  /** One page of the workflow runs matching the filters, with per-call options. */
  public Page<WorkflowInstance> instances(
      WorkflowInstanceQuery query, @Nullable RequestOptions options) {
    Objects.requireNonNull(query, "query == null");
    Call call =
        Call.to(Endpoints.WORKFLOW_INSTANCES)
            .query("workflow_id", query.workflowId())
            .query("status", query.status())
            .query("initiator_user_id", query.initiatorUserId())
            .query("reference_type", query.referenceType())
            .query("reference_id", query.referenceId())
            .query("page", query.page())
            .query("limit", query.limit());
    query.additionalParameters().forEach(call::query);
    return executor.executePage(call.options(options), WorkflowInstance.class);
  }

  /** One page of the approval tasks matching the filters ({@code GET /workflows/tasks?…}). */
  public Page<WorkflowTask> tasks(WorkflowTaskQuery query) {
    return tasks(query, null);
  }

  /** One page of the approval tasks matching the filters, with per-call options. */
  public Page<WorkflowTask> tasks(WorkflowTaskQuery query, @Nullable RequestOptions options) {
    Objects.requireNonNull(query, "query == null");
    Call call =
        Call.to(Endpoints.WORKFLOW_TASKS)
            .query("assignee_user_id", query.assigneeUserId())
            .query("status", query.status())
            .query("workflow_id", query.workflowId())
            .query("instance_id", query.instanceId())
            .query("page", query.page())
            .query("limit", query.limit());
    query.additionalParameters().forEach(call::query);
    return executor.executePage(call.options(options), WorkflowTask.class);
  }

  /**
   * Approves the task ({@code POST /workflows/tasks/{taskId}/approve}, body {@code {comment,
   * metadata}}) and returns it as decided.
   */
  public WorkflowTask approve(
      String taskId, @Nullable String comment, @Nullable Map<String, Object> metadata) {
    return approve(taskId, new TaskDecision(comment, metadata), null);
  }

  /** Approves the task with a comment and per-workflow data, with per-call options. */
  public WorkflowTask approve(
      String taskId,
      @Nullable String comment,
      @Nullable Map<String, Object> metadata,
      @Nullable RequestOptions options) {
    return approve(taskId, new TaskDecision(comment, metadata), options);
  }

  /** Approves the task with the decision's comment and metadata. */
  public WorkflowTask approve(String taskId, TaskDecision decision) {
    return approve(taskId, decision, null);
  }

  /**
   * Approves the task, with per-call options. Not retried after a failure unless the options carry
   * an idempotency key: a decision must not be recorded twice.
   */
  public WorkflowTask approve(
      String taskId, TaskDecision decision, @Nullable RequestOptions options) {
    Objects.requireNonNull(decision, "decision == null");
    return executor.execute(
        Call.to(Endpoints.WORKFLOW_APPROVE).path("taskId", taskId).json(decision).options(options),
        WorkflowTask.class);
  }

  /**
   * Rejects the task ({@code POST /workflows/tasks/{taskId}/reject}, body {@code {comment,
   * metadata}}) and returns it as decided.
   */
  public WorkflowTask reject(
      String taskId, @Nullable String comment, @Nullable Map<String, Object> metadata) {
    return reject(taskId, new TaskDecision(comment, metadata), null);
  }

  /** Rejects the task with a comment and per-workflow data, with per-call options. */
  public WorkflowTask reject(
      String taskId,
      @Nullable String comment,
      @Nullable Map<String, Object> metadata,
      @Nullable RequestOptions options) {
    return reject(taskId, new TaskDecision(comment, metadata), options);
  }

  /** Rejects the task with the decision's comment and metadata. */
  public WorkflowTask reject(String taskId, TaskDecision decision) {
    return reject(taskId, decision, null);
  }

  /**
   * Rejects the task, with per-call options. Not retried after a failure unless the options carry
   * an idempotency key: a decision must not be recorded twice.
   */
  public WorkflowTask reject(
      String taskId, TaskDecision decision, @Nullable RequestOptions options) {
    Objects.requireNonNull(decision, "decision == null");
    return executor.execute(
        Call.to(Endpoints.WORKFLOW_REJECT).path("taskId", taskId).json(decision).options(options),
        WorkflowTask.class);
  }
}
