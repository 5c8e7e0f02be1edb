package com.winwinmbs.portal.api.eventlog;

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
 * The {@code eventLog} namespace ({@code /event-logs/*}): search and read the portal's audit trail.
 *
 * <pre>{@code
 * Page<EventLog> logins = portal.eventLog().search(SearchRequest.builder()
 *     .filter("category", List.of(EventCategory.AUTHENTICATION.value()))
 *     .filter("actor_id", userId)
 *     .sort(Sort.desc("created_at"))
 *     .limit(50)
 *     .build());
 * }</pre>
 */
public final class EventLogApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.eventLog()}. */
  public EventLogApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** A page of audit entries matching the criteria. */
  public Page<EventLog> search(SearchRequest request) {
    return search(request, null);
  }

  /** A page of audit entries matching the criteria, with per-call options. */
  public Page<EventLog> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.EVENT_LOG_SEARCH).json(request).options(options), EventLog.class);
  }

  /**
   * Every audit entry matching the criteria, from its page on, fetched page by page as the stream
   * is consumed; an export of a long period holds one page in memory at a time.
   */
  public Stream<EventLog> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /** Every audit entry matching the criteria, lazily, with per-call options for each page. */
  public Stream<EventLog> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    int first = request.page() == null ? 1 : request.page();
    return Paging.stream(first, page -> search(request.withPage(page), options));
  }

  /** An audit entry by id. */
  public EventLog findById(String id) {
    return findById(id, null);
  }

  /** An audit entry by id, with per-call options. */
  public EventLog findById(String id, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    return executor.execute(
        Call.to(Endpoints.EVENT_LOG_FIND_BY_ID).path("id", id).options(options), EventLog.class);
  }
}
