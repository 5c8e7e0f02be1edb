package com.winwinmbs.portal.api.organization;

import com.winwinmbs.portal.api.RequestOptions;
import java.util.List;

/**
 * The {@code organization} namespace ({@code /organizations}): the organization tree and its units.
 * Obtained from {@code PortalApiClient.organization()}.
 *
 * <pre>{@code
 * List<Organization> roots = portal.organization().tree();
 * Organization team = portal.organization().create(OrganizationCreateRequest.builder()
 *     .code("FIN-AP").name("Accounts Payable").type(OrganizationType.TEAM).parentId(financeId).build());
 * portal.organization().move(team.id(), OrganizationMoveRequest.toParent(otherDepartmentId));
 * }</pre>
 */
public interface OrganizationApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  OrganizationApi withOptions(RequestOptions options);

  /**
   * The whole tree ({@code GET /organizations/tree}): the root units, each holding its children.
   */
  List<Organization> tree();

  /**
   * The unit with this id ({@code GET /organizations/{id}}); a missing unit is a {@code
   * NotFoundException}.
   */
  Organization findById(String id);

  /**
   * Creates a unit ({@code POST /organizations}) and returns it as stored. Not retried after a 5xx
   * or an I/O failure unless the call carries an idempotency key.
   */
  Organization create(OrganizationCreateRequest request);

  /**
   * Changes the fields set in the request ({@code PUT /organizations/{id}}) and returns the unit as
   * stored.
   */
  Organization update(String id, OrganizationUpdateRequest request);

  /**
   * Moves the unit, with its subtree, under another parent ({@code PUT /organizations/{id}/move});
   * {@link OrganizationMoveRequest#toParent(String) toParent(null)} makes it a root. Returns the
   * unit as stored.
   */
  Organization move(String id, OrganizationMoveRequest request);

  /** Deletes the unit ({@code DELETE /organizations/{id}}). */
  void delete(String id);
}
