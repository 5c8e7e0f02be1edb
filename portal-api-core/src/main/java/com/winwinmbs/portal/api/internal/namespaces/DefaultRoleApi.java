package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.role.Role;
import com.winwinmbs.portal.api.role.RoleApi;
import com.winwinmbs.portal.api.role.RoleCreateRequest;
import com.winwinmbs.portal.api.role.RoleUpdateRequest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link RoleApi}: each route as one call through the pipeline. */
public final class DefaultRoleApi implements RoleApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultRoleApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultRoleApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public RoleApi withOptions(RequestOptions options) {
    return new DefaultRoleApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<Role> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.ROLE_SEARCH).json(request).options(options), Role.class);
  }

  @Override
  public Stream<Role> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public Role findById(String id) {
    return executor.execute(
        Call.to(Endpoints.ROLE_FIND_BY_ID).path("id", id).options(options), Role.class);
  }

  @Override
  public Role create(RoleCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ROLE_CREATE).json(request).options(options), Role.class);
  }

  @Override
  public Role update(String id, RoleUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ROLE_UPDATE).path("id", id).json(request).options(options), Role.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(Call.to(Endpoints.ROLE_DELETE).path("id", id).options(options));
  }

  @Override
  public Role setPermissions(String id, List<String> permissionIds) {
    return executor.execute(
        Call.to(Endpoints.ROLE_SET_PERMISSIONS)
            .path("id", id)
            .json(new SetPermissionsBody(permissionIds))
            .options(options),
        Role.class);
  }
}
