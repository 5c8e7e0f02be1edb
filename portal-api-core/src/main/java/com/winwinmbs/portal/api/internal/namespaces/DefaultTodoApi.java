package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.todo.Todo;
import com.winwinmbs.portal.api.todo.TodoApi;
import com.winwinmbs.portal.api.todo.TodoCreateRequest;
import com.winwinmbs.portal.api.todo.TodoUpdateRequest;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link TodoApi}: each route as one call through the pipeline. */
public final class DefaultTodoApi implements TodoApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultTodoApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultTodoApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public TodoApi withOptions(RequestOptions options) {
    return new DefaultTodoApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<Todo> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.TODO_SEARCH).json(request).options(options), Todo.class);
  }

  @Override
  public Stream<Todo> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public Todo findById(String id) {
    return executor.execute(
        Call.to(Endpoints.TODO_FIND_BY_ID).path("id", id).options(options), Todo.class);
  }

  @Override
  public Todo create(TodoCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.TODO_CREATE).json(request).options(options), Todo.class);
  }

  @Override
  public Todo update(String id, TodoUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.TODO_UPDATE).path("id", id).json(request).options(options), Todo.class);
  }

  @Override
  public Todo complete(String id) {
    return executor.execute(
        Call.to(Endpoints.TODO_COMPLETE).path("id", id).options(options), Todo.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(Call.to(Endpoints.TODO_DELETE).path("id", id).options(options));
  }
}
