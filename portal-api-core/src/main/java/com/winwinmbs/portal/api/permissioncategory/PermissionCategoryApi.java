package com.winwinmbs.portal.api.permissioncategory;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code permissionCategory} namespace ({@code /permission-categories}): the tree that groups
 * permissions. Obtained from {@code PortalApiClient.permissionCategory()}.
 *
 * <pre>{@code
 * List<PermissionCategory> roots = portal.permissionCategory().tree();
 * PermissionCategory ap = portal.permissionCategory().create(PermissionCategoryCreateRequest.builder()
 *     .code("finance.ap").name("Accounts payable").parentId(financeId).build());
 * }</pre>
 */
public interface PermissionCategoryApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  PermissionCategoryApi withOptions(RequestOptions options);

  /**
   * One page of the permission categories matching the criteria ({@code POST
   * /permission-categories/search}).
   */
  Page<PermissionCategory> search(SearchRequest request);

  /**
   * Every permission category matching the criteria, from the request's page on (page 1 when
   * unset); each page is fetched when the stream reaches it.
   */
  Stream<PermissionCategory> searchAll(SearchRequest request);

  /**
   * The whole tree ({@code GET /permission-categories/tree}): the root categories, each holding its
   * children.
   */
  List<PermissionCategory> tree();

  /**
   * The permission category with this id ({@code GET /permission-categories/{id}}); a missing one
   * is a {@code NotFoundException}.
   */
  PermissionCategory findById(String id);

  /**
   * Creates a permission category ({@code POST /permission-categories}) and returns it as stored.
   * Not retried after a 5xx or an I/O failure unless the call carries an idempotency key.
   */
  PermissionCategory create(PermissionCategoryCreateRequest request);

  /**
   * Changes the fields set in the request ({@code PUT /permission-categories/{id}}) and returns the
   * permission category as stored.
   */
  PermissionCategory update(String id, PermissionCategoryUpdateRequest request);

  /** Deletes the permission category ({@code DELETE /permission-categories/{id}}). */
  void delete(String id);
}
