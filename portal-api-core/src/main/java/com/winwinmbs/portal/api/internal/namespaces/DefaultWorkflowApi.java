package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.workflow.TaskDecision;
import com.winwinmbs.portal.api.workflow.Workflow;
import com.winwinmbs.portal.api.workflow.WorkflowApi;
import com.winwinmbs.portal.api.workflow.WorkflowInstance;
import com.winwinmbs.portal.api.workflow.WorkflowInstanceQuery;
import com.winwinmbs.portal.api.workflow.WorkflowTask;
import com.winwinmbs.portal.api.workflow.WorkflowTaskQuery;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link WorkflowApi}: each route as one call through the pipeline. */
public final class DefaultWorkflowApi implements WorkflowApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultWorkflowApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultWorkflowApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public WorkflowApi withOptions(RequestOptions options) {
    return new DefaultWorkflowApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<Workflow> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.WORKFLOW_SEARCH).json(request).options(options), Workflow.class);
  }

  @Override
  public Stream<Workflow> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public Workflow findById(String id) {
    return executor.execute(
        Call.to(Endpoints.WORKFLOW_FIND_BY_ID).path("id", id).options(options), Workflow.class);
  }

  @Override
  public Page<WorkflowInstance> instances(WorkflowInstanceQuery query) {
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

  @Override
  public Stream<WorkflowInstance> instancesAll(WorkflowInstanceQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paging.stream(Pages.first(query.page()), n -> instances(query.withPage(n)));
  }

  @Override
  public Page<WorkflowTask> tasks(WorkflowTaskQuery query) {
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

  @Override
  public Stream<WorkflowTask> tasksAll(WorkflowTaskQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paging.stream(Pages.first(query.page()), n -> tasks(query.withPage(n)));
  }

  @Override
  public WorkflowTask approve(String taskId, TaskDecision decision) {
    Objects.requireNonNull(decision, "decision == null");
    return executor.execute(
        Call.to(Endpoints.WORKFLOW_APPROVE).path("taskId", taskId).json(decision).options(options),
        WorkflowTask.class);
  }

  @Override
  public WorkflowTask reject(String taskId, TaskDecision decision) {
    Objects.requireNonNull(decision, "decision == null");
    return executor.execute(
        Call.to(Endpoints.WORKFLOW_REJECT).path("taskId", taskId).json(decision).options(options),
        WorkflowTask.class);
  }
}
