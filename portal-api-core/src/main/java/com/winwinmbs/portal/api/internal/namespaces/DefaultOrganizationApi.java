package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.organization.Organization;
import com.winwinmbs.portal.api.organization.OrganizationApi;
import com.winwinmbs.portal.api.organization.OrganizationCreateRequest;
import com.winwinmbs.portal.api.organization.OrganizationMoveRequest;
import com.winwinmbs.portal.api.organization.OrganizationUpdateRequest;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JavaType;

/** The client's {@link OrganizationApi}: each route as one call through the pipeline. */
public final class DefaultOrganizationApi implements OrganizationApi {

  private static final JavaType ORGANIZATIONS =
      PortalJson.MAPPER.getTypeFactory().constructCollectionType(List.class, Organization.class);

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultOrganizationApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultOrganizationApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public OrganizationApi withOptions(RequestOptions options) {
    return new DefaultOrganizationApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public List<Organization> tree() {
    List<Organization> roots =
        executor.execute(Call.to(Endpoints.ORGANIZATION_TREE).options(options), ORGANIZATIONS);
    return roots == null ? List.of() : List.copyOf(roots);
  }

  @Override
  public Organization findById(String id) {
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_FIND_BY_ID).path("id", id).options(options),
        Organization.class);
  }

  @Override
  public Organization create(OrganizationCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_CREATE).json(request).options(options), Organization.class);
  }

  @Override
  public Organization update(String id, OrganizationUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_UPDATE).path("id", id).json(request).options(options),
        Organization.class);
  }

  @Override
  public Organization move(String id, OrganizationMoveRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.ORGANIZATION_MOVE).path("id", id).json(request).options(options),
        Organization.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(Call.to(Endpoints.ORGANIZATION_DELETE).path("id", id).options(options));
  }
}
