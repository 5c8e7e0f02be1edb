package com.winwinmbs.portal.api.permission;

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
 * The {@code permission} namespace ({@code /permissions}): search, read, create, change and delete
 * permissions.
 *
 * <pre>{@code
 * Page<Permission> finance = portal.permission().search(SearchRequest.builder()
 *     .filter("category_id", financeCategoryId)
 *     .sort(Sort.asc("code"))
 *     .build());
 * }</pre>
 */
public final class PermissionApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.permission()}. */
  public PermissionApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** One page of the permissions matching the criteria ({@code POST /permissions/search}). */
  public Page<Permission> search(SearchRequest request) {
    return search(request, null);
  }

  /** One page of the permissions matching the criteria, with per-call options. */
  public Page<Permission> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.PERMISSION_SEARCH).json(request).options(options), Permission.class);
  }

  /**
   * Every permission matching the criteria, from the request's page on (page 1 when unset); each
   * page is fetched when the stream reaches it.
   */
  public Stream<Permission> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /**
   * Every permission matching the criteria, fetched page by page as the stream is consumed, with
   * per-call options.
   */
  public Stream<Permission> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(
        request.page() == null ? 1 : request.page(), n -> search(request.withPage(n), options));
  }

  /**
   * The permission with this id ({@code GET /permissions/{id}}); a missing one is a {@code
   * NotFoundException}.
   */
  public Permission findById(String id) {
    return findById(id, null);
  }

  /** The permission with this id, with per-call options. */
  public Permission findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.PERMISSION_FIND_BY_ID).path("id", id).options(options), Permission.class);
  }

  /** Creates a permission ({@code POST /permissions}) and returns it as stored. */
  public Permission create(PermissionCreateRequest request) {
    return create(request, null);
  }

  /** Creates a permission, with per-call options (an idempotency key makes a retry safe). */
  public Permission create(PermissionCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CREATE).json(request).options(options), Permission.class);
  }

  /**
   * Changes the fields set in the request ({@code PUT /permissions/{id}}) and returns the
   * permission as stored.
   */
  public Permission update(String id, PermissionUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes the fields set in the request, with per-call options. */
  public Permission update(
      String id, PermissionUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_UPDATE).path("id", id).json(request).options(options),
        Permission.class);
  }

  /** Deletes the permission ({@code DELETE /permissions/{id}}). */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes the permission, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    executor.executeVoid(Call.to(Endpoints.PERMISSION_DELETE).path("id", id).options(options));
  }
}
