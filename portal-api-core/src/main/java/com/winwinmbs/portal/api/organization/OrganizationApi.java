package com.winwinmbs.portal.api.organization;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

/**
 * The {@code organization} namespace ({@code /organizations}): the organization tree and its units.
 *
 * <pre>{@code
 * List<Organization> roots = portal.organization().tree();
 * Organization team = portal.organization().create(OrganizationCreateRequest.builder()
 *     .code("FIN-AP").name("Accounts Payable").type(OrganizationType.TEAM).parentId(financeId).build());
 * portal.organization().move(team.id(), otherDepartmentId);
 * }</pre>
 */
public final class OrganizationApi {

  private static final JavaType ORGANIZATIONS =
      PortalJson.MAPPER.getTypeFactory().constructCollectionType(List.class, Organization.class);

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.organization()}. */
  public OrganizationApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /**
   * The whole tree ({@code GET /organizations/tree}): the root units, each holding its children.
   */
  public List<Organization> tree() {
    return tree(null);
  }

  /** The whole tree, with per-call options. */
  public List<Organization> tree(@Nullable RequestOptions options) {
    List<Organization> roots =
        executor.execute(Call.to(Endpoints.ORGANIZATION_TREE).options(options), ORGANIZATIONS);
    return roots == null ? List.of() : List.copyOf(roots);
  }

  /**
   * The unit with this id ({@code GET /organizations/{id}}); a missing unit is a {@code
   * NotFoundException}.
   */
  public Organization findById(String id) {
    return findById(id, null);
  }

  /** The unit with this id, with per-call options. */
  public Organization findById(String id, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_FIND_BY_ID).path("id", id).options(options),
        Organization.class);
  }

  /** Creates a unit ({@code POST /organizations}) and returns it as stored. */
  public Organization create(OrganizationCreateRequest request) {
    return create(request, null);
  }

  /** Creates a unit, with per-call options (an idempotency key makes a retry safe). */
  public Organization create(OrganizationCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_CREATE).json(request).options(options), Organization.class);
  }

  /**
   * Changes the fields set in the request ({@code PUT /organizations/{id}}) and returns the unit as
   * stored.
   */
  public Organization update(String id, OrganizationUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes the fields set in the request, with per-call options. */
  public Organization update(
      String id, OrganizationUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_UPDATE).path("id", id).json(request).options(options),
        Organization.class);
  }

  /**
   * Moves the unit, with its subtree, under another parent ({@code PUT /organizations/{id}/move});
   * a null parent makes it a root. Returns the unit as stored.
   */
  public Organization move(String id, @Nullable String parentId) {
    return move(id, new OrganizationMoveRequest(parentId, null), null);
  }

  /** Moves the unit under another parent (null: to the root), with per-call options. */
  public Organization move(String id, @Nullable String parentId, @Nullable RequestOptions options) {
    return move(id, new OrganizationMoveRequest(parentId, null), options);
  }

  /** Moves the unit as the request says (new parent and position). */
  public Organization move(String id, OrganizationMoveRequest request) {
    return move(id, request, null);
  }

  /** Moves the unit as the request says (new parent and position), with per-call options. */
  public Organization move(
      String id, OrganizationMoveRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_MOVE).path("id", id).json(request).options(options),
        Organization.class);
  }

  /** Deletes the unit ({@code DELETE /organizations/{id}}). */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes the unit, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    executor.executeVoid(Call.to(Endpoints.ORGANIZATION_DELETE).path("id", id).options(options));
  }
}
