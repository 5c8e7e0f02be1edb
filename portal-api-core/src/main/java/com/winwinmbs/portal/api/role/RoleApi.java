package com.winwinmbs.portal.api.role;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code role} namespace ({@code /roles}): search, read, create, change and delete roles, and
 * set the permissions they grant. Obtained from {@code PortalApiClient.role()}.
 *
 * <pre>{@code
 * Role auditor = portal.role().create(RoleCreateRequest.builder().code("AUDITOR").name("Auditor").build());
 * portal.role().setPermissions(auditor.id(), List.of(readUsersId, readEventLogsId));
 * }</pre>
 */
public interface RoleApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  RoleApi withOptions(RequestOptions options);

  /** One page of the roles matching the criteria ({@code POST /roles/search}). */
  Page<Role> search(SearchRequest request);

  /**
   * Every role matching the criteria, from the request's page on (page 1 when unset); each page is
   * fetched when the stream reaches it.
   */
  Stream<Role> searchAll(SearchRequest request);

  /**
   * The role with this id ({@code GET /roles/{id}}); a missing one is a {@code NotFoundException}.
   */
  Role findById(String id);

  /**
   * Creates a role ({@code POST /roles}) and returns it as stored. Not retried after a 5xx or an
   * I/O failure unless the call carries an idempotency key.
   */
  Role create(RoleCreateRequest request);

  /**
   * Changes the fields set in the request ({@code PUT /roles/{id}}) and returns the role as stored.
   */
  Role update(String id, RoleUpdateRequest request);

  /** Deletes the role ({@code DELETE /roles/{id}}). */
  void delete(String id);

  /**
   * Replaces the permissions the role grants with exactly these ({@code PUT
   * /roles/{id}/permissions}, body {@code {permission_ids}}); an empty list removes every
   * permission. Returns the role as stored.
   */
  Role setPermissions(String id, List<String> permissionIds);
}
