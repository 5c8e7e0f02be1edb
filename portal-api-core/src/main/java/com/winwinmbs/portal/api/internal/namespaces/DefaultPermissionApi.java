package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.permission.Permission;
import com.winwinmbs.portal.api.permission.PermissionApi;
import com.winwinmbs.portal.api.permission.PermissionCreateRequest;
import com.winwinmbs.portal.api.permission.PermissionUpdateRequest;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link PermissionApi}: each route as one call through the pipeline. */
public final class DefaultPermissionApi implements PermissionApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultPermissionApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultPermissionApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public PermissionApi withOptions(RequestOptions options) {
    return new DefaultPermissionApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<Permission> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.PERMISSION_SEARCH).json(request).options(options), Permission.class);
  }

  @Override
  public Stream<Permission> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public Permission findById(String id) {
    return executor.execute(
        Call.to(Endpoints.PERMISSION_FIND_BY_ID).path("id", id).options(options), Permission.class);
  }

  @Override
  public Permission create(PermissionCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CREATE).json(request).options(options), Permission.class);
  }

  @Override
  public Permission update(String id, PermissionUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_UPDATE).path("id", id).json(request).options(options),
        Permission.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(Call.to(Endpoints.PERMISSION_DELETE).path("id", id).options(options));
  }
}
