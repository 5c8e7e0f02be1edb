package com.winwinmbs.portal.api.todo;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.stream.Stream;

/**
 * The {@code todo} namespace ({@code /todos}): search, read, create, change, complete and delete
 * todos. Obtained from {@code PortalApiClient.todo()}.
 *
 * <pre>{@code
 * Todo todo = portal.todo().create(TodoCreateRequest.builder()
 *     .title("Review Q3 budget").priority(TodoPriority.HIGH).dueDate(LocalDate.of(2026, 12, 1)).build());
 * portal.todo().complete(todo.id());
 * }</pre>
 */
public interface TodoApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  TodoApi withOptions(RequestOptions options);

  /** One page of the todos matching the criteria ({@code POST /todos/search}). */
  Page<Todo> search(SearchRequest request);

  /**
   * Every todo matching the criteria, from the request's page on (page 1 when unset); each page is
   * fetched when the stream reaches it.
   */
  Stream<Todo> searchAll(SearchRequest request);

  /**
   * The todo with this id ({@code GET /todos/{id}}); a missing one is a {@code NotFoundException}.
   */
  Todo findById(String id);

  /**
   * Creates a todo ({@code POST /todos}) and returns it as stored. Not retried after a 5xx or an
   * I/O failure unless the call carries an idempotency key.
   */
  Todo create(TodoCreateRequest request);

  /**
   * Changes the fields set in the request ({@code PUT /todos/{id}}) and returns the todo as stored.
   */
  Todo update(String id, TodoUpdateRequest request);

  /** Marks the todo completed ({@code POST /todos/{id}/complete}) and returns it as stored. */
  Todo complete(String id);

  /** Deletes the todo ({@code DELETE /todos/{id}}). */
  void delete(String id);
}
