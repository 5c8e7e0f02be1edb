package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.eventlog.EventLog;
import com.winwinmbs.portal.api.eventlog.EventLogApi;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link EventLogApi}: each route as one call through the pipeline. */
public final class DefaultEventLogApi implements EventLogApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultEventLogApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultEventLogApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public EventLogApi withOptions(RequestOptions options) {
    return new DefaultEventLogApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<EventLog> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.EVENT_LOG_SEARCH).json(request).options(options), EventLog.class);
  }

  @Override
  public Stream<EventLog> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public EventLog findById(String id) {
    return executor.execute(
        Call.to(Endpoints.EVENT_LOG_FIND_BY_ID).path("id", id).options(options), EventLog.class);
  }
}
