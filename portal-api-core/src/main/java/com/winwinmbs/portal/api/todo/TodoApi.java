package com.winwinmbs.portal.api.todo;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code todo} namespace ({@code /todos}): search, read, create, change, complete and delete
 * todos.
 *
 * <pre>{@code
 * Todo todo = portal.todo().create(TodoCreateRequest.builder()
 *     .title("Review Q3 budget").priority(TodoPriority.HIGH).dueDate(LocalDate.of(2026, 12, 1)).build());
 * portal.todo().complete(todo.id());
 * }</pre>
 */
public final class TodoApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.todo()}. */
  public TodoApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** One page of the todos matching the criteria ({@code POST /todos/search}). */
  public Page<Todo> search(SearchRequest request) {
    return search(request, null);
  }

  /** One page of the todos matching the criteria, with per-call options. */
  public Page<Todo> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.TODO_SEARCH).json(request).options(options), Todo.class);
  }

  /**
   * Every todo matching the criteria, from the request's page on (page 1 when unset); each page is
   * fetched when the stream reaches it.
   */
  public Stream<Todo> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /**
   * Every todo matching the criteria, fetched page by page as the stream is consumed, with per-call
   * options.
   */
  public Stream<Todo> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(
        request.page() == null ? 1 : request.page(), n -> search(request.withPage(n), options));
  }

  /**
   * The todo with this id ({@code GET /todos/{id}}); a missing one is a {@code NotFoundException}.
   */
  public Todo findById(String id) {
    return findById(id, null);
  }

  /** The todo with this id, with per-call options. */
  public Todo findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.TODO_FIND_BY_ID).path("id", id).options(options), Todo.class);
  }

  /** Creates a todo ({@code POST /todos}) and returns it as stored. */
  public Todo create(TodoCreateRequest request) {
    return create(request, null);
  }

  /** Creates a todo, with per-call options (an idempotency key makes a retry safe). */
  public Todo create(TodoCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.TODO_CREATE).json(request).options(options), Todo.class);
  }

  /**
   * Changes the fields set in the request ({@code PUT /todos/{id}}) and returns the todo as stored.
   */
  public Todo update(String id, TodoUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes the fields set in the request, with per-call options. */
  public Todo update(String id, TodoUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.TODO_UPDATE).path("id", id).json(request).options(options), Todo.class);
  }

  /** Marks the todo completed ({@code POST /todos/{id}/complete}) and returns it as stored. */
  public Todo complete(String id) {
    return complete(id, null);
  }

  /** Marks the todo completed, with per-call options. */
  public Todo complete(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.TODO_COMPLETE).path("id", id).options(options), Todo.class);
  }

  /** Deletes the todo ({@code DELETE /todos/{id}}). */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes the todo, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    executor.executeVoid(Call.to(Endpoints.TODO_DELETE).path("id", id).options(options));
  }
}
