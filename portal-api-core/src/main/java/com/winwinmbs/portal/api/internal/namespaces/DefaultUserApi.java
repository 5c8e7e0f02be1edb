package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserApi;
import com.winwinmbs.portal.api.user.UserCreateRequest;
import com.winwinmbs.portal.api.user.UserPositionAssignment;
import com.winwinmbs.portal.api.user.UserUpdateRequest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link UserApi}: each route as one call through the pipeline. */
public final class DefaultUserApi implements UserApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultUserApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultUserApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public UserApi withOptions(RequestOptions options) {
    return new DefaultUserApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<User> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.USER_SEARCH).json(request).options(options), User.class);
  }

  @Override
  public Stream<User> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public User findById(String id) {
    return executor.execute(
        Call.to(Endpoints.USER_FIND_BY_ID).path("id", id).options(options), User.class);
  }

  @Override
  public User create(UserCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.USER_CREATE).json(request).options(options), User.class);
  }

  @Override
  public User update(String id, UserUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.USER_UPDATE).path("id", id).json(request).options(options), User.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(Call.to(Endpoints.USER_DELETE).path("id", id).options(options));
  }

  @Override
  public User setRoles(String id, List<String> roleIds) {
    return executor.execute(
        Call.to(Endpoints.USER_SET_ROLES)
            .path("id", id)
            .json(new SetRolesBody(roleIds))
            .options(options),
        User.class);
  }

  @Override
  public User setPositions(String id, List<UserPositionAssignment> positions) {
    return executor.execute(
        Call.to(Endpoints.USER_SET_POSITIONS)
            .path("id", id)
            .json(new SetPositionsBody(positions))
            .options(options),
        User.class);
  }
}
