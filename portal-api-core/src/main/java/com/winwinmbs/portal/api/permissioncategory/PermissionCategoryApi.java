package com.winwinmbs.portal.api.permissioncategory;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

/**
 * The {@code permissionCategory} namespace ({@code /permission-categories}): the tree that groups
 * permissions.
 *
 * <pre>{@code
 * List<PermissionCategory> roots = portal.permissionCategory().tree();
 * PermissionCategory ap = portal.permissionCategory().create(PermissionCategoryCreateRequest.builder()
 *     .code("finance.ap").name("Accounts payable").parentId(financeId).build());
 * }</pre>
 */
public final class PermissionCategoryApi {

  private static final JavaType CATEGORIES =
      PortalJson.MAPPER
          .getTypeFactory()
          .constructCollectionType(List.class, PermissionCategory.class);

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.permissionCategory()}. */
  public PermissionCategoryApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /**
   * One page of the permission categories matching the criteria ({@code POST
   * /permission-categories/search}).
   */
  public Page<PermissionCategory> search(SearchRequest request) {
    return search(request, null);
  }

  /** One page of the permission categories matching the criteria, with per-call options. */
  public Page<PermissionCategory> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.PERMISSION_CATEGORY_SEARCH).json(request).options(options),
        PermissionCategory.class);
  }

  /**
   * Every permission category matching the criteria, from the request's page on (page 1 when
   * unset); each page is fetched when the stream reaches it.
   */
  public Stream<PermissionCategory> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /**
   * Every permission category matching the criteria, fetched page by page as the stream is
   * consumed, with per-call options.
   */
  public Stream<PermissionCategory> searchAll(
      SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(
        request.page() == null ? 1 : request.page(), n -> search(request.withPage(n), options));
  }

  /**
   * The whole tree ({@code GET /permission-categories/tree}): the root categories, each holding its
   * children.
   */
  public List<PermissionCategory> tree() {
    return tree(null);
  }

  /** The whole tree, with per-call options. */
  public List<PermissionCategory> tree(@Nullable RequestOptions options) {
    List<PermissionCategory> roots =
        executor.execute(Call.to(Endpoints.PERMISSION_CATEGORY_TREE).options(options), CATEGORIES);
    return roots == null ? List.of() : List.copyOf(roots);
  }

  /**
   * The permission category with this id ({@code GET /permission-categories/{id}}); a missing one
   * is a {@code NotFoundException}.
   */
  public PermissionCategory findById(String id) {
    return findById(id, null);
  }

  /** The permission category with this id, with per-call options. */
  public PermissionCategory findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CATEGORY_FIND_BY_ID).path("id", id).options(options),
        PermissionCategory.class);
  }

  /**
   * Creates a permission category ({@code POST /permission-categories}) and returns it as stored.
   */
  public PermissionCategory create(PermissionCategoryCreateRequest request) {
    return create(request, null);
  }

  /**
   * Creates a permission category, with per-call options (an idempotency key makes a retry safe).
   */
  public PermissionCategory create(
      PermissionCategoryCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CATEGORY_CREATE).json(request).options(options),
        PermissionCategory.class);
  }

  /**
   * Changes the fields set in the request ({@code PUT /permission-categories/{id}}) and returns the
   * permission category as stored.
   */
  public PermissionCategory update(String id, PermissionCategoryUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes the fields set in the request, with per-call options. */
  public PermissionCategory update(
      String id, PermissionCategoryUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CATEGORY_UPDATE).path("id", id).json(request).options(options),
        PermissionCategory.class);
  }

  /** Deletes the permission category ({@code DELETE /permission-categories/{id}}). */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes the permission category, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    executor.executeVoid(
        Call.to(Endpoints.PERMISSION_CATEGORY_DELETE).path("id", id).options(options));
  }
}
