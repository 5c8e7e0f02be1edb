package com.winwinmbs.portal.api.role;

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
 * The {@code role} namespace ({@code /roles}): search, read, create, change and delete roles, and
 * set the permissions they grant.
 *
 * <pre>{@code
 * Role auditor = portal.role().create(RoleCreateRequest.builder().code("AUDITOR").name("Auditor").build());
 * portal.role().setPermissions(auditor.id(), List.of(readUsersId, readEventLogsId));
 * }</pre>
 */
public final class RoleApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.role()}. */
  public RoleApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** One page of the roles matching the criteria ({@code POST /roles/search}). */
  public Page<Role> search(SearchRequest request) {
    return search(request, null);
  }

  /** One page of the roles matching the criteria, with per-call options. */
  public Page<Role> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.ROLE_SEARCH).json(request).options(options), Role.class);
  }

  /**
   * Every role matching the criteria, from the request's page on (page 1 when unset); each page is
   * fetched when the stream reaches it.
   */
  public Stream<Role> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /**
   * Every role matching the criteria, fetched page by page as the stream is consumed, with per-call
   * options.
   */
  public Stream<Role> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(
        request.page() == null ? 1 : request.page(), n -> search(request.withPage(n), options));
  }

  /**
   * The role with this id ({@code GET /roles/{id}}); a missing one is a {@code NotFoundException}.
   */
  public Role findById(String id) {
    return findById(id, null);
  }

  /** The role with this id, with per-call options. */
  public Role findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.ROLE_FIND_BY_ID).path("id", id).options(options), Role.class);
  }

  /** Creates a role ({@code POST /roles}) and returns it as stored. */
  public Role create(RoleCreateRequest request) {
    return create(request, null);
  }

  /** Creates a role, with per-call options (an idempotency key makes a retry safe). */
  public Role create(RoleCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ROLE_CREATE).json(request).options(options), Role.class);
  }

  /**
   * Changes the fields set in the request ({@code PUT /roles/{id}}) and returns the role as stored.
   */
  public Role update(String id, RoleUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes the fields set in the request, with per-call options. */
  public Role update(String id, RoleUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ROLE_UPDATE).path("id", id).json(request).options(options), Role.class);
  }

  /** Deletes the role ({@code DELETE /roles/{id}}). */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes the role, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    executor.executeVoid(Call.to(Endpoints.ROLE_DELETE).path("id", id).options(options));
  }

  /**
   * Replaces the role's permissions with exactly these ({@code PUT /roles/{id}/permissions}, body
   * {@code {permission_ids}}) and returns the role as stored.
   */
  public Role setPermissions(String id, List<String> permissionIds) {
    return setPermissions(id, new SetPermissionsRequest(permissionIds), null);
  }

  /** Replaces the role's permissions with exactly these, with per-call options. */
  public Role setPermissions(
      String id, List<String> permissionIds, @Nullable RequestOptions options) {
    return setPermissions(id, new SetPermissionsRequest(permissionIds), options);
  }

  /** Replaces the role's permissions with those of the request. */
  public Role setPermissions(String id, SetPermissionsRequest request) {
    return setPermissions(id, request, null);
  }

  /** Replaces the role's permissions with those of the request, with per-call options. */
  public Role setPermissions(
      String id, SetPermissionsRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ROLE_SET_PERMISSIONS).path("id", id).json(request).options(options),
        Role.class);
  }
}
