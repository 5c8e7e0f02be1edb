package com.winwinmbs.portal.api.permission;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.stream.Stream;

/**
 * The {@code permission} namespace ({@code /permissions}): search, read, create, change and delete
 * permissions. Obtained from {@code PortalApiClient.permission()}.
 *
 * <pre>{@code
 * Page<Permission> finance = portal.permission().search(SearchRequest.builder()
 *     .filter("category_id", financeCategoryId)
 *     .sort(Sort.asc("code"))
 *     .build());
 * }</pre>
 */
public interface PermissionApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  PermissionApi withOptions(RequestOptions options);

  /** One page of the permissions matching the criteria ({@code POST /permissions/search}). */
  Page<Permission> search(SearchRequest request);

  /**
   * Every permission matching the criteria, from the request's page on (page 1 when unset); each
   * page is fetched when the stream reaches it.
   */
  Stream<Permission> searchAll(SearchRequest request);

  /**
   * The permission with this id ({@code GET /permissions/{id}}); a missing one is a {@code
   * NotFoundException}.
   */
  Permission findById(String id);

  /**
   * Creates a permission ({@code POST /permissions}) and returns it as stored. Not retried after a
   * 5xx or an I/O failure unless the call carries an idempotency key.
   */
  Permission create(PermissionCreateRequest request);

  /**
   * Changes the fields set in the request ({@code PUT /permissions/{id}}) and returns the
   * permission as stored.
   */
  Permission update(String id, PermissionUpdateRequest request);

  /** Deletes the permission ({@code DELETE /permissions/{id}}). */
  void delete(String id);
}
