package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.auth.SsoProvider;
import com.winwinmbs.portal.api.email.EmailHistoryQuery;
import com.winwinmbs.portal.api.email.EmailSendRequest;
import com.winwinmbs.portal.api.email.EmailTemplateQuery;
import com.winwinmbs.portal.api.files.FileDownload;
import com.winwinmbs.portal.api.files.FileUploadRequest;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.line.LineLinkRequest;
import com.winwinmbs.portal.api.line.LineNotifyRequest;
import com.winwinmbs.portal.api.line.LineUnlinkRequest;
import com.winwinmbs.portal.api.mcptoken.AuditLogQuery;
import com.winwinmbs.portal.api.mcptoken.CreateMcpTokenRequest;
import com.winwinmbs.portal.api.organization.OrganizationCreateRequest;
import com.winwinmbs.portal.api.organization.OrganizationMoveRequest;
import com.winwinmbs.portal.api.organization.OrganizationType;
import com.winwinmbs.portal.api.organization.OrganizationUpdateRequest;
import com.winwinmbs.portal.api.otp.OtpChannel;
import com.winwinmbs.portal.api.otp.OtpRequest;
import com.winwinmbs.portal.api.otp.OtpVerifyRequest;
import com.winwinmbs.portal.api.permission.PermissionCreateRequest;
import com.winwinmbs.portal.api.permission.PermissionUpdateRequest;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryCreateRequest;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryUpdateRequest;
import com.winwinmbs.portal.api.role.RoleCreateRequest;
import com.winwinmbs.portal.api.role.RoleUpdateRequest;
import com.winwinmbs.portal.api.systemconfig.SystemConfigUpdateRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantRequest;
import com.winwinmbs.portal.api.tenant.SsoProviderType;
import com.winwinmbs.portal.api.tenant.TenantPlan;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import com.winwinmbs.portal.api.todo.TodoCreateRequest;
import com.winwinmbs.portal.api.todo.TodoPriority;
import com.winwinmbs.portal.api.todo.TodoUpdateRequest;
import com.winwinmbs.portal.api.user.UserCreateRequest;
import com.winwinmbs.portal.api.user.UserPositionAssignment;
import com.winwinmbs.portal.api.user.UserUpdateRequest;
import com.winwinmbs.portal.api.webhook.WebhookCreateRequest;
import com.winwinmbs.portal.api.webhook.WebhookEvent;
import com.winwinmbs.portal.api.webhook.WebhookUpdateRequest;
import com.winwinmbs.portal.api.workflow.TaskDecision;
import com.winwinmbs.portal.api.workflow.WorkflowInstanceQuery;
import com.winwinmbs.portal.api.workflow.WorkflowTaskQuery;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every route of the catalog, called through the real client, is stubbed and keeps the contract.
 */
@MockPortalTest
class MockPortalRoutesTests {

  static final String SOMCHAI = "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8";
  static final String MALEE = "usr_01HZX3M1A2B3C4D5E6F7G8H9J0";
  static final String FINANCE_AP = "org_01HZX2FIN000000000000000AP";
  static final String HR_MANAGER = "rol_01HZX1HRMANAGER000000000001";
  static final String LEAVE_APPROVE = "prm_01HZX0LEAVEAPPROVE0000001";
  static final String HR_CATEGORY = "pct_01HZX0HR000000000000001";
  static final String LEAVE_WORKFLOW = "wfl_01HZY0LEAVE0000000000000001";
  static final String PENDING_TASK = "wft_01HZZ2000000000000000000001";
  static final String TODO = "tdo_01HZZ5000000000000000000001";
  static final String POLICY_FILE = "fil_01HZX9LEAVEPOLICY000000001";
  static final String WEBHOOK = "wh_2b7d9f1a";
  static final String EVENT = "evt_01JD5ZK3M8Q2R7T4V9X1Y6W0B3";
  static final String TENANT = "660e8400-e29b-41d4-a716-446655440001";
  static final String MCP_TOKEN = "770e8400-e29b-41d4-a716-446655440002";

  static Map<Endpoint, Consumer<PortalApiClient>> calls() {
    Map<Endpoint, Consumer<PortalApiClient>> calls = new LinkedHashMap<>();
    calls.put(Endpoints.USER_SEARCH, c -> c.user().search(SearchRequest.all()));
    calls.put(Endpoints.USER_FIND_BY_ID, c -> c.user().findById(SOMCHAI));
    calls.put(
        Endpoints.USER_CREATE,
        c ->
            c.user()
                .create(
                    UserCreateRequest.builder()
                        .username("wanida.p")
                        .email("wanida.p@winwinmbs.co.th")
                        .password("S3cret!pass")
                        .firstName("Wanida")
                        .lastName("Phrom")
                        .build()));
    calls.put(
        Endpoints.USER_UPDATE,
        c -> c.user().update(SOMCHAI, UserUpdateRequest.builder().phone("+66812345678").build()));
    calls.put(Endpoints.USER_DELETE, c -> c.user().delete(SOMCHAI));
    calls.put(Endpoints.USER_SET_ROLES, c -> c.user().setRoles(SOMCHAI, List.of(HR_MANAGER)));
    calls.put(
        Endpoints.USER_SET_POSITIONS,
        c ->
            c.user()
                .setPositions(
                    SOMCHAI,
                    List.of(
                        UserPositionAssignment.builder()
                            .organizationId(FINANCE_AP)
                            .title("Senior Accountant")
                            .primary(true)
                            .startDate(LocalDate.of(2024, 3, 1))
                            .build())));
    calls.put(Endpoints.ORGANIZATION_TREE, c -> c.organization().tree());
    calls.put(Endpoints.ORGANIZATION_FIND_BY_ID, c -> c.organization().findById(FINANCE_AP));
    calls.put(
        Endpoints.ORGANIZATION_CREATE,
        c ->
            c.organization()
                .create(
                    OrganizationCreateRequest.builder()
                        .code("FIN-AR")
                        .name("Accounts Receivable")
                        .type(OrganizationType.TEAM)
                        .parentId("org_01HZX2FIN0000000000000000")
                        .build()));
    calls.put(
        Endpoints.ORGANIZATION_UPDATE,
        c ->
            c.organization()
                .update(FINANCE_AP, OrganizationUpdateRequest.builder().name("AP").build()));
    calls.put(
        Endpoints.ORGANIZATION_MOVE,
        c ->
            c.organization()
                .move(
                    FINANCE_AP, OrganizationMoveRequest.toParent("org_01HZX2WWMBS00000000000000")));
    calls.put(Endpoints.ORGANIZATION_DELETE, c -> c.organization().delete(FINANCE_AP));
    calls.put(Endpoints.ROLE_SEARCH, c -> c.role().search(SearchRequest.all()));
    calls.put(Endpoints.ROLE_FIND_BY_ID, c -> c.role().findById(HR_MANAGER));
    calls.put(
        Endpoints.ROLE_CREATE,
        c -> c.role().create(RoleCreateRequest.builder().code("AUDITOR").name("Auditor").build()));
    calls.put(
        Endpoints.ROLE_UPDATE,
        c ->
            c.role()
                .update(
                    HR_MANAGER, RoleUpdateRequest.builder().description("HR managers").build()));
    calls.put(Endpoints.ROLE_DELETE, c -> c.role().delete(HR_MANAGER));
    calls.put(
        Endpoints.ROLE_SET_PERMISSIONS,
        c -> c.role().setPermissions(HR_MANAGER, List.of(LEAVE_APPROVE)));
    calls.put(Endpoints.PERMISSION_SEARCH, c -> c.permission().search(SearchRequest.all()));
    calls.put(Endpoints.PERMISSION_FIND_BY_ID, c -> c.permission().findById(LEAVE_APPROVE));
    calls.put(
        Endpoints.PERMISSION_CREATE,
        c ->
            c.permission()
                .create(
                    PermissionCreateRequest.builder()
                        .code("payroll.read")
                        .name("Read payroll")
                        .categoryId(HR_CATEGORY)
                        .resource("payroll")
                        .action("read")
                        .build()));
    calls.put(
        Endpoints.PERMISSION_UPDATE,
        c ->
            c.permission()
                .update(LEAVE_APPROVE, PermissionUpdateRequest.builder().name("Approve").build()));
    calls.put(Endpoints.PERMISSION_DELETE, c -> c.permission().delete(LEAVE_APPROVE));
    calls.put(
        Endpoints.PERMISSION_CATEGORY_SEARCH,
        c -> c.permissionCategory().search(SearchRequest.all()));
    calls.put(Endpoints.PERMISSION_CATEGORY_TREE, c -> c.permissionCategory().tree());
    calls.put(
        Endpoints.PERMISSION_CATEGORY_FIND_BY_ID,
        c -> c.permissionCategory().findById(HR_CATEGORY));
    calls.put(
        Endpoints.PERMISSION_CATEGORY_CREATE,
        c ->
            c.permissionCategory()
                .create(
                    PermissionCategoryCreateRequest.builder()
                        .code("hr.training")
                        .name("Training")
                        .parentId(HR_CATEGORY)
                        .build()));
    calls.put(
        Endpoints.PERMISSION_CATEGORY_UPDATE,
        c ->
            c.permissionCategory()
                .update(
                    HR_CATEGORY, PermissionCategoryUpdateRequest.builder().sortOrder(2).build()));
    calls.put(
        Endpoints.PERMISSION_CATEGORY_DELETE, c -> c.permissionCategory().delete(HR_CATEGORY));
    calls.put(Endpoints.WORKFLOW_SEARCH, c -> c.workflow().search(SearchRequest.all()));
    calls.put(Endpoints.WORKFLOW_FIND_BY_ID, c -> c.workflow().findById(LEAVE_WORKFLOW));
    calls.put(
        Endpoints.WORKFLOW_INSTANCES,
        c ->
            c.workflow()
                .instances(WorkflowInstanceQuery.builder().workflowId(LEAVE_WORKFLOW).build()));
    calls.put(
        Endpoints.WORKFLOW_TASKS,
        c -> c.workflow().tasks(WorkflowTaskQuery.builder().assigneeUserId(MALEE).build()));
    calls.put(
        Endpoints.WORKFLOW_APPROVE,
        c ->
            c.workflow()
                .approve(PENDING_TASK, new TaskDecision("LGTM", Map.of("approved_days", 3))));
    calls.put(
        Endpoints.WORKFLOW_REJECT,
        c -> c.workflow().reject(PENDING_TASK, new TaskDecision("Overlaps", null)));
    calls.put(Endpoints.TODO_SEARCH, c -> c.todo().search(SearchRequest.all()));
    calls.put(Endpoints.TODO_FIND_BY_ID, c -> c.todo().findById(TODO));
    calls.put(
        Endpoints.TODO_CREATE,
        c ->
            c.todo()
                .create(
                    TodoCreateRequest.builder()
                        .title("Prepare the audit pack")
                        .priority(TodoPriority.HIGH)
                        .assigneeUserId(SOMCHAI)
                        .build()));
    calls.put(
        Endpoints.TODO_UPDATE,
        c -> c.todo().update(TODO, TodoUpdateRequest.builder().priority(TodoPriority.LOW).build()));
    calls.put(Endpoints.TODO_COMPLETE, c -> c.todo().complete(TODO));
    calls.put(Endpoints.TODO_DELETE, c -> c.todo().delete(TODO));
    calls.put(
        Endpoints.FILES_UPLOAD,
        c ->
            c.files()
                .upload(
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                    "hello.txt",
                    "text/plain",
                    5,
                    FileUploadRequest.category("avatar")));
    calls.put(
        Endpoints.FILES_DOWNLOAD,
        c -> {
          try (FileDownload download = c.files().download(POLICY_FILE)) {
            assertThat(download.fileName()).contains("leave-policy-2026.txt");
            assertThat(new String(download.inputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("WINWIN MBS leave policy");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    calls.put(Endpoints.FILES_FIND_BY_ID, c -> c.files().findById(POLICY_FILE));
    calls.put(Endpoints.FILES_DELETE, c -> c.files().delete(POLICY_FILE));
    calls.put(
        Endpoints.EMAIL_SEND,
        c ->
            c.email()
                .send(
                    EmailSendRequest.builder()
                        .to(List.of("somchai.k@winwinmbs.co.th"))
                        .templateCode("welcome")
                        .variables(Map.of("first_name", "Somchai"))
                        .build()));
    calls.put(Endpoints.EMAIL_TEMPLATES, c -> c.email().templates(EmailTemplateQuery.all()));
    calls.put(Endpoints.EMAIL_HISTORY, c -> c.email().history(EmailHistoryQuery.all()));
    calls.put(
        Endpoints.OTP_REQUEST,
        c -> c.otp().request(OtpRequest.of(OtpChannel.SMS, "+66812345678", "login")));
    calls.put(Endpoints.OTP_VERIFY, c -> c.otp().verify(OtpVerifyRequest.of("K7QX", "482913")));
    calls.put(
        Endpoints.LINE_LINK,
        c ->
            c.line()
                .link(
                    LineLinkRequest.builder()
                        .userId(SOMCHAI)
                        .code("lineAuthCode-8f2a91")
                        .redirectUri("https://app.example.co.th/line/callback")
                        .build()));
    calls.put(Endpoints.LINE_UNLINK, c -> c.line().unlink(LineUnlinkRequest.of(SOMCHAI)));
    calls.put(
        Endpoints.LINE_NOTIFY,
        c ->
            c.line()
                .notify(
                    LineNotifyRequest.builder()
                        .userIds(List.of(SOMCHAI))
                        .message("Your leave was approved")
                        .build()));
    calls.put(Endpoints.WEBHOOK_SEARCH, c -> c.webhook().search(SearchRequest.all()));
    calls.put(Endpoints.WEBHOOK_FIND_BY_ID, c -> c.webhook().findById(WEBHOOK));
    calls.put(
        Endpoints.WEBHOOK_CREATE,
        c ->
            c.webhook()
                .create(
                    WebhookCreateRequest.builder()
                        .name("ERP sync")
                        .url("https://erp.example.co.th/portal-events")
                        .events(List.of(WebhookEvent.USER_CREATED))
                        .build()));
    calls.put(
        Endpoints.WEBHOOK_UPDATE,
        c -> c.webhook().update(WEBHOOK, WebhookUpdateRequest.builder().isActive(false).build()));
    calls.put(Endpoints.WEBHOOK_DELETE, c -> c.webhook().delete(WEBHOOK));
    calls.put(Endpoints.SYSTEM_CONFIG_GET_CATEGORY, c -> c.systemConfig().getCategory("email"));
    calls.put(
        Endpoints.SYSTEM_CONFIG_GET_BY_KEY, c -> c.systemConfig().getByKey("email.sender_name"));
    calls.put(
        Endpoints.SYSTEM_CONFIG_UPDATE,
        c ->
            c.systemConfig()
                .update("email.sender_name", SystemConfigUpdateRequest.of("WINWIN Portal")));
    calls.put(Endpoints.EVENT_LOG_SEARCH, c -> c.eventLog().search(SearchRequest.all()));
    calls.put(Endpoints.EVENT_LOG_FIND_BY_ID, c -> c.eventLog().findById(EVENT));
    calls.put(Endpoints.HEALTH_CHECK, c -> c.health().check());
    calls.put(
        Endpoints.AUTH_LOGIN,
        c -> c.auth().login(MockPortal.USER_EMAIL, MockPortal.USER_PASSWORD, true));
    calls.put(
        Endpoints.AUTH_REFRESH,
        c ->
            c.auth()
                .refresh(c.auth().login(MockPortal.USER_EMAIL, MockPortal.USER_PASSWORD, true)));
    calls.put(
        Endpoints.AUTH_LOGOUT,
        c ->
            c.auth().logout(c.auth().login(MockPortal.USER_EMAIL, MockPortal.USER_PASSWORD, true)));
    calls.put(
        Endpoints.AUTH_ME,
        c -> {
          SessionTokenSource session =
              c.auth().login(MockPortal.USER_EMAIL, MockPortal.USER_PASSWORD, false);
          c.auth().withOptions(session.requestOptions()).me();
        });
    calls.put(
        Endpoints.TENANT_REGISTER,
        c ->
            c.tenant()
                .register(
                    new RegisterTenantRequest(
                        "Acme Corporation",
                        "acme",
                        "admin@acme.com",
                        "SecurePassword123!",
                        "John Doe",
                        TenantPlan.PROFESSIONAL)));
    calls.put(Endpoints.TENANT_CHECK_SLUG, c -> c.tenant().checkSlug("acme"));
    calls.put(Endpoints.TENANT_GET_SSO, c -> c.tenant().getSso(TENANT));
    calls.put(
        Endpoints.TENANT_UPDATE_SSO,
        c ->
            c.tenant()
                .updateSso(
                    TENANT,
                    UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
                        .authority("https://login.microsoftonline.com/tenant-id")
                        .clientId("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
                        .clientSecret("client-secret-here")
                        .build()));
    calls.put(Endpoints.TENANT_TEST_SSO, c -> c.tenant().testSso(TENANT));
    calls.put(Endpoints.MCP_TOKEN_LIST, c -> c.mcpToken().list());
    calls.put(
        Endpoints.MCP_TOKEN_CREATE,
        c ->
            c.mcpToken()
                .create(
                    new CreateMcpTokenRequest(
                        "Claude AI Agent",
                        Map.of("issues", List.of("read")),
                        Instant.parse("2027-11-01T00:00:00Z"),
                        List.of("192.168.1.100"))));
    calls.put(Endpoints.MCP_TOKEN_FIND_BY_ID, c -> c.mcpToken().findById(MCP_TOKEN));
    calls.put(Endpoints.MCP_TOKEN_REVOKE, c -> c.mcpToken().revoke(MCP_TOKEN, "rotated"));
    calls.put(
        Endpoints.MCP_TOKEN_AUDIT_LOGS,
        c -> c.mcpToken().auditLogs(MCP_TOKEN, AuditLogQuery.builder().limit(50).build()));
    return calls;
  }

  @Test
  void everyRouteOfTheCatalogIsStubbedAndKeepsTheContract(MockPortal portal) throws Exception {
    Map<Endpoint, Consumer<PortalApiClient>> calls = calls();
    assertThat(calls.keySet())
        .as("a call for every route the client sends")
        .containsExactlyInAnyOrderElementsOf(
            Endpoints.all().stream().filter(e -> !e.equals(Endpoints.AUTH_SSO_LOGIN)).toList());
    PortalApiClient client = portal.client();
    for (Map.Entry<Endpoint, Consumer<PortalApiClient>> call : calls.entrySet()) {
      call.getValue().accept(client);
    }
    // the SSO login URL is for a browser: follow it by hand
    String ssoUrl = client.auth().ssoLoginUrl(SsoProvider.AZURE_AD, "/dashboard").url().toString();
    HttpResponse<String> sso =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(ssoUrl)).build(), BodyHandlers.ofString());
    assertThat(sso.statusCode()).isEqualTo(302);

    assertThat(portal.wireMock().findAllUnmatchedRequests()).isEmpty();
    for (Endpoint endpoint : Endpoints.all()) {
      assertThat(portal.requests(endpoint)).as(endpoint.id()).isNotEmpty();
    }
    portal.assertNoContractViolations();
  }

  private static final class BodyHandlers {
    static HttpResponse.BodyHandler<String> ofString() {
      return HttpResponse.BodyHandlers.ofString();
    }
  }
}
