package com.winwinmbs.portal.api.workflow;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.stream.Stream;

/**
 * The {@code workflow} namespace ({@code /workflows}): workflow definitions, their running
 * instances, and the approval tasks waiting for a decision. Obtained from {@code
 * PortalApiClient.workflow()}.
 *
 * <pre>{@code
 * Page<WorkflowTask> tasks = portal.workflow().tasks(WorkflowTaskQuery.builder().assigneeUserId(me).build());
 * for (WorkflowTask task : tasks.items()) {
 *   if (WorkflowTaskStatus.PENDING.equals(task.status())) {
 *     portal.workflow().approve(task.id(), new TaskDecision("LGTM", Map.of("approved_amount", 12500)));
 *   }
 * }
 * }</pre>
 */
public interface WorkflowApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code …All} stream included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  WorkflowApi withOptions(RequestOptions options);

  /** One page of the workflows matching the criteria ({@code POST /workflows/search}). */
  Page<Workflow> search(SearchRequest request);

  /**
   * Every workflow matching the criteria, from the request's page on (page 1 when unset); each page
   * is fetched when the stream reaches it.
   */
  Stream<Workflow> searchAll(SearchRequest request);

  /**
   * The workflow with this id ({@code GET /workflows/{id}}); a missing one is a {@code
   * NotFoundException}.
   */
  Workflow findById(String id);

  /**
   * One page of the workflow runs matching the filters ({@code GET /workflows/instances?…}); {@link
   * WorkflowInstanceQuery#all()} for every run.
   */
  Page<WorkflowInstance> instances(WorkflowInstanceQuery query);

  /**
   * Every workflow run matching the filters, from the query's page on (page 1 when unset); each
   * page is fetched when the stream reaches it.
   */
  Stream<WorkflowInstance> instancesAll(WorkflowInstanceQuery query);

  /**
   * One page of the approval tasks matching the filters ({@code GET /workflows/tasks?…}); {@link
   * WorkflowTaskQuery#all()} for every task the caller may see.
   */
  Page<WorkflowTask> tasks(WorkflowTaskQuery query);

  /**
   * Every approval task matching the filters, from the query's page on (page 1 when unset); each
   * page is fetched when the stream reaches it.
   */
  Stream<WorkflowTask> tasksAll(WorkflowTaskQuery query);

  /**
   * Approves the task ({@code POST /workflows/tasks/{taskId}/approve}, body {@code {comment,
   * metadata}}) and returns it as decided. Not retried after a 5xx or an I/O failure unless the
   * call carries an idempotency key: a decision must not be recorded twice.
   */
  WorkflowTask approve(String taskId, TaskDecision decision);

  /**
   * Rejects the task ({@code POST /workflows/tasks/{taskId}/reject}, body {@code {comment,
   * metadata}}) and returns it as decided. Not retried after a 5xx or an I/O failure unless the
   * call carries an idempotency key: a decision must not be recorded twice.
   */
  WorkflowTask reject(String taskId, TaskDecision decision);
}
