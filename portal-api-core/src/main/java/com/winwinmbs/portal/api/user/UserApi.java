package com.winwinmbs.portal.api.user;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code user} namespace ({@code /users}): search, read, create, change and delete user
 * accounts, and set their roles and positions.
 *
 * <pre>{@code
 * Page<User> page = portal.user().search(SearchRequest.builder()
 *     .page(1)
 *     .limit(20)
 *     .filter("status", List.of("active"))
 *     .sort("created_at", SortOrder.DESC)
 *     .build());
 * try (Stream<User> everyone = portal.user().searchAll(SearchRequest.all())) {
 *   everyone.forEach(user -> ...);
 * }
 * }</pre>
 */
public final class UserApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.user()}. */
  public UserApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** One page of the users matching the criteria ({@code POST /users/search}). */
  public Page<User> search(SearchRequest request) {
    return search(request, null);
  }

  /** One page of the users matching the criteria, with per-call options. */
  public Page<User> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.USER_SEARCH).json(request).options(options), User.class);
  }

  /**
   * Every user matching the criteria, from the request's page on (page 1 when unset); each page is
   * fetched when the stream reaches it.
   */
  public Stream<User> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /**
   * Every user matching the criteria, fetched page by page as the stream is consumed, with per-call
   * options.
   */
  public Stream<User> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(
        request.page() == null ? 1 : request.page(), n -> search(request.withPage(n), options));
  }

  /**
   * The user with this id ({@code GET /users/{id}}); a missing user is a {@code NotFoundException}.
   */
  public User findById(String id) {
    return findById(id, null);
  }

  /** The user with this id, with per-call options. */
  public User findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.USER_FIND_BY_ID).path("id", id).options(options), User.class);
  }

  /** Creates a user account ({@code POST /users}) and returns it as stored. */
  public User create(UserCreateRequest request) {
    return create(request, null);
  }

  /** Creates a user account, with per-call options (an idempotency key makes a retry safe). */
  public User create(UserCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.USER_CREATE).json(request).options(options), User.class);
  }

  /**
   * Changes the fields set in the request ({@code PUT /users/{id}}) and returns the user as stored.
   */
  public User update(String id, UserUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes the fields set in the request, with per-call options. */
  public User update(String id, UserUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.USER_UPDATE).path("id", id).json(request).options(options), User.class);
  }

  /** Deletes the user ({@code DELETE /users/{id}}). */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes the user, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    executor.executeVoid(Call.to(Endpoints.USER_DELETE).path("id", id).options(options));
  }

  /**
   * Replaces the user's roles with exactly these ({@code PUT /users/{id}/roles}, body {@code
   * {role_ids}}) and returns the user as stored.
   */
  public User setRoles(String id, List<String> roleIds) {
    return setRoles(id, new SetRolesRequest(roleIds), null);
  }

  /** Replaces the user's roles with exactly these, with per-call options. */
  public User setRoles(String id, List<String> roleIds, @Nullable RequestOptions options) {
    return setRoles(id, new SetRolesRequest(roleIds), options);
  }

  /** Replaces the user's roles with those of the request. */
  public User setRoles(String id, SetRolesRequest request) {
    return setRoles(id, request, null);
  }

  /** Replaces the user's roles with those of the request, with per-call options. */
  public User setRoles(String id, SetRolesRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.USER_SET_ROLES).path("id", id).json(request).options(options),
        User.class);
  }

  /**
   * Replaces the user's positions with exactly these ({@code PUT /users/{id}/positions}, body
   * {@code {positions}}) and returns the user as stored.
   */
  public User setPositions(String id, List<UserPositionAssignment> positions) {
    return setPositions(id, new SetPositionsRequest(positions), null);
  }

  /** Replaces the user's positions with exactly these, with per-call options. */
  public User setPositions(
      String id, List<UserPositionAssignment> positions, @Nullable RequestOptions options) {
    return setPositions(id, new SetPositionsRequest(positions), options);
  }

  /** Replaces the user's positions with those of the request. */
  public User setPositions(String id, SetPositionsRequest request) {
    return setPositions(id, request, null);
  }

  /** Replaces the user's positions with those of the request, with per-call options. */
  public User setPositions(
      String id, SetPositionsRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.USER_SET_POSITIONS).path("id", id).json(request).options(options),
        User.class);
  }
}
