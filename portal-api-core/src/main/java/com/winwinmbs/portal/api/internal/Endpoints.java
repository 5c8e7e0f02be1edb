package com.winwinmbs.portal.api.internal;

import static com.winwinmbs.portal.api.http.HttpMethod.DELETE;
import static com.winwinmbs.portal.api.http.HttpMethod.GET;
import static com.winwinmbs.portal.api.http.HttpMethod.POST;
import static com.winwinmbs.portal.api.http.HttpMethod.PUT;

import com.winwinmbs.portal.api.http.Endpoint;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The route catalog: every route the client calls, each written once. The OpenAPI document, the
 * mock portal and the tests are checked against this list.
 *
 * <p>Rules, applied everywhere: paths are REST-conventional under the namespace's group; a method
 * named {@code search} sends its criteria (page, limit, filter, sort) as a JSON body to {@code POST
 * /{group}/search} and is marked idempotent (it reads); other list methods take flat filters as
 * query parameters on {@code GET}; {@code update} is {@code PUT}; actions that record an event
 * ({@code approve}, {@code complete}, {@code send}, …) are {@code POST} and retried only with an
 * Idempotency-Key.
 */
public final class Endpoints {

  // user
  public static final Endpoint USER_SEARCH =
      Endpoint.portal("user", "search", POST, "/users/search").asIdempotent();
  public static final Endpoint USER_FIND_BY_ID =
      Endpoint.portal("user", "findById", GET, "/users/{id}");
  public static final Endpoint USER_CREATE = Endpoint.portal("user", "create", POST, "/users");
  public static final Endpoint USER_UPDATE = Endpoint.portal("user", "update", PUT, "/users/{id}");
  public static final Endpoint USER_DELETE =
      Endpoint.portal("user", "delete", DELETE, "/users/{id}");
  public static final Endpoint USER_SET_ROLES =
      Endpoint.portal("user", "setRoles", PUT, "/users/{id}/roles");
  public static final Endpoint USER_SET_POSITIONS =
      Endpoint.portal("user", "setPositions", PUT, "/users/{id}/positions");

  // organization
  public static final Endpoint ORGANIZATION_TREE =
      Endpoint.portal("organization", "tree", GET, "/organizations/tree");
  public static final Endpoint ORGANIZATION_FIND_BY_ID =
      Endpoint.portal("organization", "findById", GET, "/organizations/{id}");
  public static final Endpoint ORGANIZATION_CREATE =
      Endpoint.portal("organization", "create", POST, "/organizations");
  public static final Endpoint ORGANIZATION_UPDATE =
      Endpoint.portal("organization", "update", PUT, "/organizations/{id}");
  public static final Endpoint ORGANIZATION_MOVE =
      Endpoint.portal("organization", "move", PUT, "/organizations/{id}/move");
  public static final Endpoint ORGANIZATION_DELETE =
      Endpoint.portal("organization", "delete", DELETE, "/organizations/{id}");

  // role
  public static final Endpoint ROLE_SEARCH =
      Endpoint.portal("role", "search", POST, "/roles/search").asIdempotent();
  public static final Endpoint ROLE_FIND_BY_ID =
      Endpoint.portal("role", "findById", GET, "/roles/{id}");
  public static final Endpoint ROLE_CREATE = Endpoint.portal("role", "create", POST, "/roles");
  public static final Endpoint ROLE_UPDATE = Endpoint.portal("role", "update", PUT, "/roles/{id}");
  public static final Endpoint ROLE_DELETE =
      Endpoint.portal("role", "delete", DELETE, "/roles/{id}");
  public static final Endpoint ROLE_SET_PERMISSIONS =
      Endpoint.portal("role", "setPermissions", PUT, "/roles/{id}/permissions");

  // permission
  public static final Endpoint PERMISSION_SEARCH =
      Endpoint.portal("permission", "search", POST, "/permissions/search").asIdempotent();
  public static final Endpoint PERMISSION_FIND_BY_ID =
      Endpoint.portal("permission", "findById", GET, "/permissions/{id}");
  public static final Endpoint PERMISSION_CREATE =
      Endpoint.portal("permission", "create", POST, "/permissions");
  public static final Endpoint PERMISSION_UPDATE =
      Endpoint.portal("permission", "update", PUT, "/permissions/{id}");
  public static final Endpoint PERMISSION_DELETE =
      Endpoint.portal("permission", "delete", DELETE, "/permissions/{id}");

  // permissionCategory
  public static final Endpoint PERMISSION_CATEGORY_SEARCH =
      Endpoint.portal("permissionCategory", "search", POST, "/permission-categories/search")
          .asIdempotent();
  public static final Endpoint PERMISSION_CATEGORY_TREE =
      Endpoint.portal("permissionCategory", "tree", GET, "/permission-categories/tree");
  public static final Endpoint PERMISSION_CATEGORY_FIND_BY_ID =
      Endpoint.portal("permissionCategory", "findById", GET, "/permission-categories/{id}");
  public static final Endpoint PERMISSION_CATEGORY_CREATE =
      Endpoint.portal("permissionCategory", "create", POST, "/permission-categories");
  public static final Endpoint PERMISSION_CATEGORY_UPDATE =
      Endpoint.portal("permissionCategory", "update", PUT, "/permission-categories/{id}");
  public static final Endpoint PERMISSION_CATEGORY_DELETE =
      Endpoint.portal("permissionCategory", "delete", DELETE, "/permission-categories/{id}");

  // workflow
  public static final Endpoint WORKFLOW_SEARCH =
      Endpoint.portal("workflow", "search", POST, "/workflows/search").asIdempotent();
  public static final Endpoint WORKFLOW_FIND_BY_ID =
      Endpoint.portal("workflow", "findById", GET, "/workflows/{id}");
  public static final Endpoint WORKFLOW_INSTANCES =
      Endpoint.portal("workflow", "instances", GET, "/workflows/instances");
  public static final Endpoint WORKFLOW_TASKS =
      Endpoint.portal("workflow", "tasks", GET, "/workflows/tasks");
  public static final Endpoint WORKFLOW_APPROVE =
      Endpoint.portal("workflow", "approve", POST, "/workflows/tasks/{taskId}/approve");
  public static final Endpoint WORKFLOW_REJECT =
      Endpoint.portal("workflow", "reject", POST, "/workflows/tasks/{taskId}/reject");

  // todo
  public static final Endpoint TODO_SEARCH =
      Endpoint.portal("todo", "search", POST, "/todos/search").asIdempotent();
  public static final Endpoint TODO_FIND_BY_ID =
      Endpoint.portal("todo", "findById", GET, "/todos/{id}");
  public static final Endpoint TODO_CREATE = Endpoint.portal("todo", "create", POST, "/todos");
  public static final Endpoint TODO_UPDATE = Endpoint.portal("todo", "update", PUT, "/todos/{id}");
  public static final Endpoint TODO_COMPLETE =
      Endpoint.portal("todo", "complete", POST, "/todos/{id}/complete");
  public static final Endpoint TODO_DELETE =
      Endpoint.portal("todo", "delete", DELETE, "/todos/{id}");

  // files
  public static final Endpoint FILES_UPLOAD =
      Endpoint.portal("files", "upload", POST, "/files/upload");
  public static final Endpoint FILES_DOWNLOAD =
      Endpoint.portal("files", "download", GET, "/files/{id}/download");
  public static final Endpoint FILES_FIND_BY_ID =
      Endpoint.portal("files", "findById", GET, "/files/{id}");
  public static final Endpoint FILES_DELETE =
      Endpoint.portal("files", "delete", DELETE, "/files/{id}");

  // email
  public static final Endpoint EMAIL_SEND = Endpoint.portal("email", "send", POST, "/emails/send");
  public static final Endpoint EMAIL_TEMPLATES =
      Endpoint.portal("email", "templates", GET, "/emails/templates");
  public static final Endpoint EMAIL_HISTORY =
      Endpoint.portal("email", "history", GET, "/emails/history");

  // otp
  public static final Endpoint OTP_REQUEST =
      Endpoint.portal("otp", "request", POST, "/otp/request");
  public static final Endpoint OTP_VERIFY = Endpoint.portal("otp", "verify", POST, "/otp/verify");

  // line
  public static final Endpoint LINE_LINK = Endpoint.portal("line", "link", POST, "/line/link");
  public static final Endpoint LINE_UNLINK =
      Endpoint.portal("line", "unlink", POST, "/line/unlink");
  public static final Endpoint LINE_NOTIFY =
      Endpoint.portal("line", "notify", POST, "/line/notify");

  // webhook
  public static final Endpoint WEBHOOK_SEARCH =
      Endpoint.portal("webhook", "search", POST, "/webhooks/search").asIdempotent();
  public static final Endpoint WEBHOOK_FIND_BY_ID =
      Endpoint.portal("webhook", "findById", GET, "/webhooks/{id}");
  public static final Endpoint WEBHOOK_CREATE =
      Endpoint.portal("webhook", "create", POST, "/webhooks");
  public static final Endpoint WEBHOOK_UPDATE =
      Endpoint.portal("webhook", "update", PUT, "/webhooks/{id}");
  public static final Endpoint WEBHOOK_DELETE =
      Endpoint.portal("webhook", "delete", DELETE, "/webhooks/{id}");

  // systemConfig
  public static final Endpoint SYSTEM_CONFIG_GET_CATEGORY =
      Endpoint.portal("systemConfig", "getCategory", GET, "/system-configs/categories/{category}");
  public static final Endpoint SYSTEM_CONFIG_GET_BY_KEY =
      Endpoint.portal("systemConfig", "getByKey", GET, "/system-configs/{key}");
  public static final Endpoint SYSTEM_CONFIG_UPDATE =
      Endpoint.portal("systemConfig", "update", PUT, "/system-configs/{key}");

  // eventLog
  public static final Endpoint EVENT_LOG_SEARCH =
      Endpoint.portal("eventLog", "search", POST, "/event-logs/search").asIdempotent();
  public static final Endpoint EVENT_LOG_FIND_BY_ID =
      Endpoint.portal("eventLog", "findById", GET, "/event-logs/{id}");

  // health
  public static final Endpoint HEALTH_CHECK = Endpoint.portal("health", "check", GET, "/health");

  // auth (the integration guide's session routes: plain JSON, camelCase)
  public static final Endpoint AUTH_LOGIN = Endpoint.plain("auth", "login", POST, "/auth/login");
  public static final Endpoint AUTH_REFRESH =
      Endpoint.plain("auth", "refresh", POST, "/auth/refresh");
  public static final Endpoint AUTH_LOGOUT = Endpoint.plain("auth", "logout", POST, "/auth/logout");
  public static final Endpoint AUTH_ME = Endpoint.plain("auth", "me", GET, "/auth/me");

  /**
   * Not called by the client: {@code auth().ssoLoginUrl(...)} builds this URL for a browser to
   * follow.
   */
  public static final Endpoint AUTH_SSO_LOGIN =
      Endpoint.plain("auth", "ssoLogin", GET, "/auth/sso/login");

  // tenant
  public static final Endpoint TENANT_REGISTER =
      Endpoint.plain("tenant", "register", POST, "/tenants/register");
  public static final Endpoint TENANT_CHECK_SLUG =
      Endpoint.plain("tenant", "checkSlug", GET, "/tenants/check-slug");
  public static final Endpoint TENANT_GET_SSO =
      Endpoint.plain("tenant", "getSso", GET, "/tenants/{tenantId}/sso");
  public static final Endpoint TENANT_UPDATE_SSO =
      Endpoint.plain("tenant", "updateSso", PUT, "/tenants/{tenantId}/sso");
  public static final Endpoint TENANT_TEST_SSO =
      Endpoint.plain("tenant", "testSso", POST, "/tenants/{tenantId}/sso/test");

  // mcpToken
  public static final Endpoint MCP_TOKEN_LIST =
      Endpoint.plain("mcpToken", "list", GET, "/mcp/tokens");
  public static final Endpoint MCP_TOKEN_CREATE =
      Endpoint.plain("mcpToken", "create", POST, "/mcp/tokens");
  public static final Endpoint MCP_TOKEN_FIND_BY_ID =
      Endpoint.plain("mcpToken", "findById", GET, "/mcp/tokens/{tokenId}");
  public static final Endpoint MCP_TOKEN_REVOKE =
      Endpoint.plain("mcpToken", "revoke", DELETE, "/mcp/tokens/{tokenId}");
  public static final Endpoint MCP_TOKEN_AUDIT_LOGS =
      Endpoint.plain("mcpToken", "auditLogs", GET, "/mcp/tokens/{tokenId}/audit-logs");

  private static final List<Endpoint> ALL = collect();

  private Endpoints() {}

  /** The namespaces of the integration guide's routes (sessions, tenants, MCP tokens). */
  private static final Set<String> GUIDE_NAMESPACES = Set.of("auth", "tenant", "mcpToken");

  /**
   * Whether the route is one of the integration guide's, which a deployment may serve under a path
   * prefix of its own ({@code guideBasePath}).
   */
  public static boolean isGuideRoute(Endpoint endpoint) {
    return GUIDE_NAMESPACES.contains(endpoint.namespace());
  }

  /** Every route, in declaration order. */
  public static List<Endpoint> all() {
    return ALL;
  }

  private static List<Endpoint> collect() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Field field : Endpoints.class.getDeclaredFields()) {
      if (field.getType() == Endpoint.class && Modifier.isStatic(field.getModifiers())) {
        try {
          endpoints.add((Endpoint) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(endpoints);
  }
}
