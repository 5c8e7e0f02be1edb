package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategory;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryApi;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryCreateRequest;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryUpdateRequest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JavaType;

/** The client's {@link PermissionCategoryApi}: each route as one call through the pipeline. */
public final class DefaultPermissionCategoryApi implements PermissionCategoryApi {

  private static final JavaType CATEGORIES =
      PortalJson.MAPPER
          .getTypeFactory()
          .constructCollectionType(List.class, PermissionCategory.class);

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultPermissionCategoryApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultPermissionCategoryApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public PermissionCategoryApi withOptions(RequestOptions options) {
    return new DefaultPermissionCategoryApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<PermissionCategory> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.PERMISSION_CATEGORY_SEARCH).json(request).options(options),
        PermissionCategory.class);
  }

  @Override
  public Stream<PermissionCategory> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public List<PermissionCategory> tree() {
    List<PermissionCategory> roots =
        executor.execute(Call.to(Endpoints.PERMISSION_CATEGORY_TREE).options(options), CATEGORIES);
    return roots == null ? List.of() : List.copyOf(roots);
  }

  @Override
  public PermissionCategory findById(String id) {
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CATEGORY_FIND_BY_ID).path("id", id).options(options),
        PermissionCategory.class);
  }

  @Override
  public PermissionCategory create(PermissionCategoryCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CATEGORY_CREATE).json(request).options(options),
        PermissionCategory.class);
  }

  @Override
  public PermissionCategory update(String id, PermissionCategoryUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.PERMISSION_CATEGORY_UPDATE).path("id", id).json(request).options(options),
        PermissionCategory.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(
        Call.to(Endpoints.PERMISSION_CATEGORY_DELETE).path("id", id).options(options));
  }
}
