package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.auth.AuthApi;
import com.winwinmbs.portal.api.auth.SsoCallback;
import com.winwinmbs.portal.api.auth.SsoLogin;
import com.winwinmbs.portal.api.auth.SsoProvider;
import com.winwinmbs.portal.api.auth.SsoStateCheck;
import com.winwinmbs.portal.api.email.EmailHistoryQuery;
import com.winwinmbs.portal.api.email.EmailSendRequest;
import com.winwinmbs.portal.api.email.EmailTemplateQuery;
import com.winwinmbs.portal.api.files.FileDownload;
import com.winwinmbs.portal.api.files.FileUploadRequest;
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
import com.winwinmbs.portal.api.testing.TestClients;
import com.winwinmbs.portal.api.todo.TodoCreateRequest;
import com.winwinmbs.portal.api.todo.TodoUpdateRequest;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserApi;
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
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The namespace interfaces as a whole: every route of every namespace sends the options of a {@code
 * withOptions} view, and the interfaces keep the shape the README's naming table describes.
 */
@WireMockTest
class NamespaceInterfacesTests {

  private static final RequestOptions PROBE =
      RequestOptions.builder().header("X-Probe", "probe-1").tenantId("tnt_probe").build();

  /**
   * A body every route accepts or fails to decode after sending: what was sent is the point. Its
   * {@code accessToken} lets a login start the session that a refresh or a logout then acts on.
   */
  private static final String EMPTY_PAGE =
      "{\"success\":true,\"data\":[],\"pagination\":"
          + "{\"page\":1,\"limit\":20,\"total\":0,\"total_pages\":1},"
          + "\"accessToken\":\"at-probe\"}";

  /**
   * Methods that send nothing (they build or check values for a browser's SSO round trip), so a
   * view has no request to put its options on; {@link
   * #theMethodsThatSendNothingSendNothingThroughAView} holds them to it.
   */
  private static final Set<String> SEND_NOTHING =
      Set.of(
          "AuthApi.ssoLoginUrl(SsoProvider,String)",
          "AuthApi.ssoCallback(URI,String)",
          "AuthApi.ssoCallback(URI,String,SsoStateCheck)",
          "AuthApi.ssoCallback(Map,String)",
          "AuthApi.ssoCallback(Map,String,SsoStateCheck)");

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void everyRouteOfAViewSendsTheViewsOptions(Route route, WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock().register(any(anyUrl()).willReturn(okJson(EMPTY_PAGE)));
    PortalApiClient portal = TestClients.client(wm);

    try {
      route.call().send(portal, PROBE, temp);
    } catch (PortalApiException bodyFitsNotThisRoute) {
      // the answer is one body for every route; the request went out before it was decoded
    }

    List<LoggedRequest> sent = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(sent)
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.getHeader("X-Probe")).isEqualTo("probe-1");
              assertThat(request.getHeader("X-Tenant-Id")).isEqualTo("tnt_probe");
            });
  }

  @Test
  void theRouteSweepCoversEveryMethodOfEveryNamespaceInterface() {
    Set<String> swept = routes().map(Route::method).collect(Collectors.toCollection(TreeSet::new));
    swept.addAll(SEND_NOTHING);

    assertThat(swept).isEqualTo(signatures());
  }

  @Test
  void theMethodsThatSendNothingSendNothingThroughAView(WireMockRuntimeInfo wm) {
    AuthApi auth = TestClients.client(wm).auth().withOptions(PROBE);

    SsoLogin login = auth.ssoLoginUrl(SsoProvider.OKTA, "/home");
    URI callback =
        URI.create("https://app.example.com/cb?token=t-1&tenant=acme&state=" + login.state());
    Map<String, String> parameters = Map.of("token", "t-1", "tenant", "acme");

    assertThat(auth.ssoCallback(callback, login.state()).accessToken()).isEqualTo("t-1");
    assertThat(auth.ssoCallback(callback, login.state(), SsoStateCheck.REQUIRED).tenant())
        .isEqualTo("acme");
    assertThat(
            auth.ssoCallback(
                    Map.of("token", "t-1", "tenant", "acme", "state", login.state()), login.state())
                .accessToken())
        .isEqualTo("t-1");
    assertThat(auth.ssoCallback(parameters, login.state(), SsoStateCheck.IF_ECHOED).accessToken())
        .isEqualTo("t-1");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aViewLeavesTheNamespaceItCameFromUnchanged(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(anyUrl()).willReturn(okJson(EMPTY_PAGE)));
    PortalApiClient portal = TestClients.client(wm);
    UserApi users = portal.user();

    UserApi view = users.withOptions(PROBE);
    users.delete("usr_1");

    assertThat(view).isNotSameAs(users);
    assertThat(portal.user()).isSameAs(users);
    LoggedRequest sent = wm.getWireMock().find(anyRequestedFor(anyUrl())).get(0);
    assertThat(sent.containsHeader("X-Probe")).isFalse();
    assertThat(sent.containsHeader("X-Tenant-Id")).isFalse();
  }

  @Test
  void aViewOfAViewLaysTheSecondOptionsOverTheFirst(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(anyUrl()).willReturn(okJson(EMPTY_PAGE)));
    RequestOptions second =
        RequestOptions.builder().header("X-Probe", "probe-2").idempotencyKey("key-2").build();

    TestClients.client(wm).user().withOptions(PROBE).withOptions(second).delete("usr_1");

    LoggedRequest sent = wm.getWireMock().find(anyRequestedFor(anyUrl())).get(0);
    assertThat(sent.getHeaders().getHeader("X-Probe").values()).containsExactly("probe-2");
    assertThat(sent.getHeader("X-Tenant-Id")).isEqualTo("tnt_probe");
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("key-2");
  }

  @Test
  void everyPageALazyStreamOfAViewFetchesCarriesTheViewsOptions(WireMockRuntimeInfo wm) {
    for (int page = 1; page <= 3; page++) {
      wm.getWireMock()
          .register(
              post("/users/search")
                  .withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(page))))
                  .willReturn(okJson(userPage(page, 3))));
    }
    Stream<User> everyone = TestClients.client(wm).user().withOptions(PROBE).searchAll(all());

    assertThat(everyone.map(User::id)).containsExactly("usr_1", "usr_2", "usr_3");
    List<LoggedRequest> sent = wm.getWireMock().find(postRequestedFor(urlEqualTo("/users/search")));
    assertThat(sent)
        .hasSize(3)
        .allSatisfy(request -> assertThat(request.getHeader("X-Probe")).isEqualTo("probe-1"));
  }

  @Test
  void aDownloadThroughAViewSendsItsOptionsAndStillAcceptsAnyType(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/files/f-1/download"))
                .willReturn(ok("bytes").withHeader("Content-Type", "text/plain")));
    PortalApiClient portal = TestClients.client(wm);

    portal.files().withOptions(PROBE).download("f-1", OutputStream.nullOutputStream());
    portal
        .files()
        .withOptions(RequestOptions.builder().header("Accept", "text/plain").build())
        .download("f-1", OutputStream.nullOutputStream());

    List<LoggedRequest> sent = wm.getWireMock().find(anyRequestedFor(anyUrl()));
    assertThat(sent.get(0).getHeader("Accept")).isEqualTo("*/*");
    assertThat(sent.get(0).getHeader("X-Probe")).isEqualTo("probe-1");
    assertThat(sent.get(1).getHeader("Accept")).isEqualTo("text/plain");
  }

  @Test
  void everyNamespaceInterfaceOffersWithOptionsReturningItsOwnType() {
    for (Class<?> namespace : namespaceInterfaces()) {
      assertThat(method(namespace, "withOptions", RequestOptions.class))
          .as(namespace.getSimpleName() + ".withOptions(RequestOptions)")
          .hasValueSatisfying(m -> assertThat(m.getReturnType()).isEqualTo(namespace));
    }
  }

  @Test
  void withOptionsOfNullIsRefusedNamingTheParameter() throws Exception {
    PortalApiClient portal = PortalApiClient.builder().apiUrl("http://localhost:1").build();
    for (Method accessor : PortalApiClient.class.getMethods()) {
      if (namespaceInterfaces().contains(accessor.getReturnType())) {
        Object namespace = accessor.invoke(portal);
        Method withOptions =
            accessor.getReturnType().getMethod("withOptions", RequestOptions.class);

        assertThatThrownBy(() -> invoke(withOptions, namespace, null))
            .as(accessor.getName() + "().withOptions(null)")
            .isInstanceOf(NullPointerException.class)
            .hasMessage("options == null");
      }
    }
  }

  @Test
  void noNamespaceMethodTakesRequestOptionsExceptWithOptions() {
    List<String> offenders =
        namespaceMethods()
            .filter(m -> !m.getName().equals("withOptions"))
            .filter(m -> Arrays.asList(m.getParameterTypes()).contains(RequestOptions.class))
            .map(NamespaceInterfacesTests::signature)
            .toList();

    assertThat(offenders).isEmpty();
  }

  @Test
  void everyMethodReturningAPageHasALazyAllTwinWithTheSameParameters() {
    List<String> missing =
        namespaceMethods()
            .filter(m -> m.getReturnType() == Page.class)
            .filter(
                m ->
                    method(m.getDeclaringClass(), m.getName() + "All", m.getParameterTypes())
                        .filter(all -> all.getReturnType() == Stream.class)
                        .filter(all -> sameItemType(m, all))
                        .isEmpty())
            .map(NamespaceInterfacesTests::signature)
            .toList();

    assertThat(missing).isEmpty();
  }

  @Test
  void everyAllMethodHasAPageTwin() {
    List<String> orphans =
        namespaceMethods()
            .filter(m -> m.getName().endsWith("All"))
            .filter(
                m -> {
                  String page = m.getName().substring(0, m.getName().length() - 3);
                  return method(m.getDeclaringClass(), page, m.getParameterTypes())
                      .filter(twin -> twin.getReturnType() == Page.class)
                      .isEmpty();
                })
            .map(NamespaceInterfacesTests::signature)
            .toList();

    assertThat(orphans).isEmpty();
  }

  // ---- the sweep
  // ---------------------------------------------------------------------------------

  /** One call of a namespace method through a view with the given options. */
  @FunctionalInterface
  interface Send {
    void send(PortalApiClient portal, RequestOptions options, Path temp) throws Exception;
  }

  record Route(String method, Send call) {
    @Override
    public String toString() {
      return method;
    }
  }

  private static Route route(String method, Send call) {
    return new Route(method, call);
  }

  static Stream<Route> routes() {
    return Stream.of(
        // user
        route("UserApi.search(SearchRequest)", (p, o, t) -> p.user().withOptions(o).search(all())),
        route(
            "UserApi.searchAll(SearchRequest)",
            (p, o, t) -> p.user().withOptions(o).searchAll(all()).toList()),
        route("UserApi.findById(String)", (p, o, t) -> p.user().withOptions(o).findById("u-1")),
        route(
            "UserApi.create(UserCreateRequest)",
            (p, o, t) ->
                p.user()
                    .withOptions(o)
                    .create(
                        UserCreateRequest.builder()
                            .username("wanida.p")
                            .email("wanida.p@winwinmbs.co.th")
                            .password("S3cret!pass")
                            .firstName("Wanida")
                            .lastName("Phrom")
                            .build())),
        route(
            "UserApi.update(String,UserUpdateRequest)",
            (p, o, t) ->
                p.user()
                    .withOptions(o)
                    .update("u-1", UserUpdateRequest.builder().phone("+66812345678").build())),
        route("UserApi.delete(String)", (p, o, t) -> p.user().withOptions(o).delete("u-1")),
        route(
            "UserApi.setRoles(String,List)",
            (p, o, t) -> p.user().withOptions(o).setRoles("u-1", List.of("r-1"))),
        route(
            "UserApi.setPositions(String,List)",
            (p, o, t) ->
                p.user()
                    .withOptions(o)
                    .setPositions(
                        "u-1",
                        List.of(UserPositionAssignment.builder().organizationId("o-1").build()))),
        // organization
        route("OrganizationApi.tree()", (p, o, t) -> p.organization().withOptions(o).tree()),
        route(
            "OrganizationApi.findById(String)",
            (p, o, t) -> p.organization().withOptions(o).findById("o-1")),
        route(
            "OrganizationApi.create(OrganizationCreateRequest)",
            (p, o, t) ->
                p.organization()
                    .withOptions(o)
                    .create(
                        OrganizationCreateRequest.builder()
                            .code("FIN")
                            .name("Fin")
                            .type(OrganizationType.TEAM)
                            .build())),
        route(
            "OrganizationApi.update(String,OrganizationUpdateRequest)",
            (p, o, t) ->
                p.organization()
                    .withOptions(o)
                    .update("o-1", OrganizationUpdateRequest.builder().name("AP").build())),
        route(
            "OrganizationApi.move(String,OrganizationMoveRequest)",
            (p, o, t) ->
                p.organization()
                    .withOptions(o)
                    .move("o-1", OrganizationMoveRequest.toParent(null))),
        route(
            "OrganizationApi.delete(String)",
            (p, o, t) -> p.organization().withOptions(o).delete("o-1")),
        // role
        route("RoleApi.search(SearchRequest)", (p, o, t) -> p.role().withOptions(o).search(all())),
        route(
            "RoleApi.searchAll(SearchRequest)",
            (p, o, t) -> p.role().withOptions(o).searchAll(all()).toList()),
        route("RoleApi.findById(String)", (p, o, t) -> p.role().withOptions(o).findById("r-1")),
        route(
            "RoleApi.create(RoleCreateRequest)",
            (p, o, t) ->
                p.role()
                    .withOptions(o)
                    .create(RoleCreateRequest.builder().code("AUDITOR").name("Auditor").build())),
        route(
            "RoleApi.update(String,RoleUpdateRequest)",
            (p, o, t) ->
                p.role()
                    .withOptions(o)
                    .update("r-1", RoleUpdateRequest.builder().description("d").build())),
        route("RoleApi.delete(String)", (p, o, t) -> p.role().withOptions(o).delete("r-1")),
        route(
            "RoleApi.setPermissions(String,List)",
            (p, o, t) -> p.role().withOptions(o).setPermissions("r-1", List.of("p-1"))),
        // permission
        route(
            "PermissionApi.search(SearchRequest)",
            (p, o, t) -> p.permission().withOptions(o).search(all())),
        route(
            "PermissionApi.searchAll(SearchRequest)",
            (p, o, t) -> p.permission().withOptions(o).searchAll(all()).toList()),
        route(
            "PermissionApi.findById(String)",
            (p, o, t) -> p.permission().withOptions(o).findById("p-1")),
        route(
            "PermissionApi.create(PermissionCreateRequest)",
            (p, o, t) ->
                p.permission()
                    .withOptions(o)
                    .create(
                        PermissionCreateRequest.builder()
                            .code("payroll.read")
                            .name("Read payroll")
                            .categoryId("c-1")
                            .resource("payroll")
                            .action("read")
                            .build())),
        route(
            "PermissionApi.update(String,PermissionUpdateRequest)",
            (p, o, t) ->
                p.permission()
                    .withOptions(o)
                    .update("p-1", PermissionUpdateRequest.builder().name("Approve").build())),
        route(
            "PermissionApi.delete(String)",
            (p, o, t) -> p.permission().withOptions(o).delete("p-1")),
        // permission category
        route(
            "PermissionCategoryApi.search(SearchRequest)",
            (p, o, t) -> p.permissionCategory().withOptions(o).search(all())),
        route(
            "PermissionCategoryApi.searchAll(SearchRequest)",
            (p, o, t) -> p.permissionCategory().withOptions(o).searchAll(all()).toList()),
        route(
            "PermissionCategoryApi.tree()",
            (p, o, t) -> p.permissionCategory().withOptions(o).tree()),
        route(
            "PermissionCategoryApi.findById(String)",
            (p, o, t) -> p.permissionCategory().withOptions(o).findById("c-1")),
        route(
            "PermissionCategoryApi.create(PermissionCategoryCreateRequest)",
            (p, o, t) ->
                p.permissionCategory()
                    .withOptions(o)
                    .create(
                        PermissionCategoryCreateRequest.builder()
                            .code("hr.training")
                            .name("Training")
                            .build())),
        route(
            "PermissionCategoryApi.update(String,PermissionCategoryUpdateRequest)",
            (p, o, t) ->
                p.permissionCategory()
                    .withOptions(o)
                    .update("c-1", PermissionCategoryUpdateRequest.builder().sortOrder(2).build())),
        route(
            "PermissionCategoryApi.delete(String)",
            (p, o, t) -> p.permissionCategory().withOptions(o).delete("c-1")),
        // workflow
        route(
            "WorkflowApi.search(SearchRequest)",
            (p, o, t) -> p.workflow().withOptions(o).search(all())),
        route(
            "WorkflowApi.searchAll(SearchRequest)",
            (p, o, t) -> p.workflow().withOptions(o).searchAll(all()).toList()),
        route(
            "WorkflowApi.findById(String)",
            (p, o, t) -> p.workflow().withOptions(o).findById("w-1")),
        route(
            "WorkflowApi.instances(WorkflowInstanceQuery)",
            (p, o, t) -> p.workflow().withOptions(o).instances(WorkflowInstanceQuery.all())),
        route(
            "WorkflowApi.instancesAll(WorkflowInstanceQuery)",
            (p, o, t) ->
                p.workflow().withOptions(o).instancesAll(WorkflowInstanceQuery.all()).toList()),
        route(
            "WorkflowApi.tasks(WorkflowTaskQuery)",
            (p, o, t) -> p.workflow().withOptions(o).tasks(WorkflowTaskQuery.all())),
        route(
            "WorkflowApi.tasksAll(WorkflowTaskQuery)",
            (p, o, t) -> p.workflow().withOptions(o).tasksAll(WorkflowTaskQuery.all()).toList()),
        route(
            "WorkflowApi.approve(String,TaskDecision)",
            (p, o, t) -> p.workflow().withOptions(o).approve("t-1", new TaskDecision("ok", null))),
        route(
            "WorkflowApi.reject(String,TaskDecision)",
            (p, o, t) -> p.workflow().withOptions(o).reject("t-1", new TaskDecision("no", null))),
        // todo
        route("TodoApi.search(SearchRequest)", (p, o, t) -> p.todo().withOptions(o).search(all())),
        route(
            "TodoApi.searchAll(SearchRequest)",
            (p, o, t) -> p.todo().withOptions(o).searchAll(all()).toList()),
        route("TodoApi.findById(String)", (p, o, t) -> p.todo().withOptions(o).findById("t-1")),
        route(
            "TodoApi.create(TodoCreateRequest)",
            (p, o, t) ->
                p.todo().withOptions(o).create(TodoCreateRequest.builder().title("Audit").build())),
        route(
            "TodoApi.update(String,TodoUpdateRequest)",
            (p, o, t) ->
                p.todo()
                    .withOptions(o)
                    .update("t-1", TodoUpdateRequest.builder().title("Audit pack").build())),
        route("TodoApi.complete(String)", (p, o, t) -> p.todo().withOptions(o).complete("t-1")),
        route("TodoApi.delete(String)", (p, o, t) -> p.todo().withOptions(o).delete("t-1")),
        // files
        route(
            "FilesApi.upload(Path,FileUploadRequest)",
            (p, o, t) ->
                p.files()
                    .withOptions(o)
                    .upload(Files.writeString(t.resolve("a.txt"), "a"), FileUploadRequest.none())),
        route(
            "FilesApi.upload(InputStream,String,String,long,FileUploadRequest)",
            (p, o, t) ->
                p.files()
                    .withOptions(o)
                    .upload(
                        new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                        "hello.txt",
                        "text/plain",
                        5,
                        FileUploadRequest.category("avatar"))),
        route(
            "FilesApi.download(String)",
            (p, o, t) -> {
              try (FileDownload download = p.files().withOptions(o).download("f-1")) {
                download.inputStream().readAllBytes();
              }
            }),
        route(
            "FilesApi.download(String,Path)",
            (p, o, t) -> p.files().withOptions(o).download("f-1", t.resolve("copy.bin"))),
        route(
            "FilesApi.download(String,OutputStream)",
            (p, o, t) -> p.files().withOptions(o).download("f-1", OutputStream.nullOutputStream())),
        route("FilesApi.findById(String)", (p, o, t) -> p.files().withOptions(o).findById("f-1")),
        route("FilesApi.delete(String)", (p, o, t) -> p.files().withOptions(o).delete("f-1")),
        // email
        route(
            "EmailApi.send(EmailSendRequest)",
            (p, o, t) ->
                p.email()
                    .withOptions(o)
                    .send(
                        EmailSendRequest.builder()
                            .to(List.of("somchai.k@winwinmbs.co.th"))
                            .templateCode("welcome")
                            .build())),
        route(
            "EmailApi.templates(EmailTemplateQuery)",
            (p, o, t) -> p.email().withOptions(o).templates(EmailTemplateQuery.all())),
        route(
            "EmailApi.templatesAll(EmailTemplateQuery)",
            (p, o, t) -> p.email().withOptions(o).templatesAll(EmailTemplateQuery.all()).toList()),
        route(
            "EmailApi.history(EmailHistoryQuery)",
            (p, o, t) -> p.email().withOptions(o).history(EmailHistoryQuery.all())),
        route(
            "EmailApi.historyAll(EmailHistoryQuery)",
            (p, o, t) -> p.email().withOptions(o).historyAll(EmailHistoryQuery.all()).toList()),
        // otp
        route(
            "OtpApi.request(OtpRequest)",
            (p, o, t) ->
                p.otp().withOptions(o).request(OtpRequest.of(OtpChannel.SMS, "+668", "login"))),
        route(
            "OtpApi.verify(OtpVerifyRequest)",
            (p, o, t) -> p.otp().withOptions(o).verify(OtpVerifyRequest.of("K7QX", "482913"))),
        // line
        route(
            "LineApi.link(LineLinkRequest)",
            (p, o, t) ->
                p.line()
                    .withOptions(o)
                    .link(
                        LineLinkRequest.builder()
                            .userId("u-1")
                            .code("code-1")
                            .redirectUri("https://app.example.co.th/line/callback")
                            .build())),
        route(
            "LineApi.unlink(LineUnlinkRequest)",
            (p, o, t) -> p.line().withOptions(o).unlink(LineUnlinkRequest.of("u-1"))),
        route(
            "LineApi.notify(LineNotifyRequest)",
            (p, o, t) ->
                p.line()
                    .withOptions(o)
                    .notify(
                        LineNotifyRequest.builder()
                            .userIds(List.of("u-1"))
                            .message("approved")
                            .build())),
        // webhook
        route(
            "WebhookApi.search(SearchRequest)",
            (p, o, t) -> p.webhook().withOptions(o).search(all())),
        route(
            "WebhookApi.searchAll(SearchRequest)",
            (p, o, t) -> p.webhook().withOptions(o).searchAll(all()).toList()),
        route(
            "WebhookApi.findById(String)", (p, o, t) -> p.webhook().withOptions(o).findById("h-1")),
        route(
            "WebhookApi.create(WebhookCreateRequest)",
            (p, o, t) ->
                p.webhook()
                    .withOptions(o)
                    .create(
                        WebhookCreateRequest.builder()
                            .name("ERP sync")
                            .url("https://erp.example.co.th/portal-events")
                            .events(List.of(WebhookEvent.USER_CREATED))
                            .build())),
        route(
            "WebhookApi.update(String,WebhookUpdateRequest)",
            (p, o, t) ->
                p.webhook()
                    .withOptions(o)
                    .update("h-1", WebhookUpdateRequest.builder().isActive(false).build())),
        route("WebhookApi.delete(String)", (p, o, t) -> p.webhook().withOptions(o).delete("h-1")),
        // system config
        route(
            "SystemConfigApi.getCategory(String)",
            (p, o, t) -> p.systemConfig().withOptions(o).getCategory("email")),
        route(
            "SystemConfigApi.getByKey(String)",
            (p, o, t) -> p.systemConfig().withOptions(o).getByKey("email.sender_name")),
        route(
            "SystemConfigApi.update(String,SystemConfigUpdateRequest)",
            (p, o, t) ->
                p.systemConfig()
                    .withOptions(o)
                    .update("email.sender_name", SystemConfigUpdateRequest.of("WINWIN"))),
        // event log
        route(
            "EventLogApi.search(SearchRequest)",
            (p, o, t) -> p.eventLog().withOptions(o).search(all())),
        route(
            "EventLogApi.searchAll(SearchRequest)",
            (p, o, t) -> p.eventLog().withOptions(o).searchAll(all()).toList()),
        route(
            "EventLogApi.findById(String)",
            (p, o, t) -> p.eventLog().withOptions(o).findById("e-1")),
        // health
        route("HealthApi.check()", (p, o, t) -> p.health().withOptions(o).check()),
        // tenant
        route(
            "TenantApi.register(RegisterTenantRequest)",
            (p, o, t) ->
                p.tenant()
                    .withOptions(o)
                    .register(
                        new RegisterTenantRequest(
                            "Acme",
                            "acme",
                            "admin@acme.com",
                            "SecurePassword123!",
                            "John Doe",
                            TenantPlan.FREE))),
        route(
            "TenantApi.checkSlug(String)",
            (p, o, t) -> p.tenant().withOptions(o).checkSlug("acme")),
        route("TenantApi.getSso(String)", (p, o, t) -> p.tenant().withOptions(o).getSso("tn-1")),
        route(
            "TenantApi.updateSso(String,UpdateSsoConfigRequest)",
            (p, o, t) ->
                p.tenant()
                    .withOptions(o)
                    .updateSso(
                        "tn-1",
                        UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
                            .authority("https://login.microsoftonline.com/tenant-id")
                            .clientId("client-1")
                            .clientSecret("client-secret-here")
                            .build())),
        route("TenantApi.testSso(String)", (p, o, t) -> p.tenant().withOptions(o).testSso("tn-1")),
        // auth: the session a login returns is the one the next call acts on
        route(
            "AuthApi.login(String,String,boolean)",
            (p, o, t) -> p.auth().withOptions(o).login("ann@acme.com", "pw-probe", false)),
        route(
            "AuthApi.login(String,String,boolean,SessionListener)",
            (p, o, t) ->
                p.auth().withOptions(o).login("ann@acme.com", "pw-probe", false, cause -> {})),
        route(
            "AuthApi.refresh(SessionTokenSource)",
            (p, o, t) -> {
              AuthApi auth = p.auth().withOptions(o);
              auth.refresh(auth.login("ann@acme.com", "pw-probe", false));
            }),
        route(
            "AuthApi.logout(SessionTokenSource)",
            (p, o, t) -> {
              AuthApi auth = p.auth().withOptions(o);
              auth.logout(auth.login("ann@acme.com", "pw-probe", false));
            }),
        route("AuthApi.me()", (p, o, t) -> p.auth().withOptions(o).me()),
        route(
            "AuthApi.completeSso(SsoCallback)",
            (p, o, t) -> p.auth().withOptions(o).completeSso(new SsoCallback("sso-probe", "acme"))),
        route(
            "AuthApi.completeSso(SsoCallback,SessionListener)",
            (p, o, t) ->
                p.auth()
                    .withOptions(o)
                    .completeSso(new SsoCallback("sso-probe", "acme"), cause -> {})),
        // mcp token
        route("McpTokenApi.list()", (p, o, t) -> p.mcpToken().withOptions(o).list()),
        route(
            "McpTokenApi.create(CreateMcpTokenRequest)",
            (p, o, t) ->
                p.mcpToken()
                    .withOptions(o)
                    .create(
                        new CreateMcpTokenRequest(
                            "Agent", Map.of("issues", List.of("read")), null, null))),
        route(
            "McpTokenApi.findById(String)",
            (p, o, t) -> p.mcpToken().withOptions(o).findById("m-1")),
        route(
            "McpTokenApi.revoke(String,String)",
            (p, o, t) -> p.mcpToken().withOptions(o).revoke("m-1", "rotated")),
        route(
            "McpTokenApi.auditLogs(String,AuditLogQuery)",
            (p, o, t) -> p.mcpToken().withOptions(o).auditLogs("m-1", AuditLogQuery.all())),
        route(
            "McpTokenApi.auditLogsAll(String,AuditLogQuery)",
            (p, o, t) ->
                p.mcpToken().withOptions(o).auditLogsAll("m-1", AuditLogQuery.all()).toList()));
  }

  // ---- reflection over the interfaces
  // ------------------------------------------------------------

  /** The interfaces {@link PortalApiClient}'s accessors return. */
  private static List<Class<?>> namespaceInterfaces() {
    return Arrays.stream(PortalApiClient.class.getMethods())
        .map(Method::getReturnType)
        .filter(Class::isInterface)
        .filter(type -> type.getSimpleName().endsWith("Api"))
        .distinct()
        .toList();
  }

  private static Stream<Method> namespaceMethods() {
    return namespaceInterfaces().stream()
        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(m -> Modifier.isAbstract(m.getModifiers()));
  }

  private static Set<String> signatures() {
    return namespaceMethods()
        .filter(m -> !m.getName().equals("withOptions"))
        .map(NamespaceInterfacesTests::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String signature(Method m) {
    return m.getDeclaringClass().getSimpleName()
        + "."
        + m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  private static Optional<Method> method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return Optional.of(type.getMethod(name, parameters));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static boolean sameItemType(Method page, Method all) {
    return itemType(page.getGenericReturnType()).equals(itemType(all.getGenericReturnType()));
  }

  private static Type itemType(Type type) {
    return ((ParameterizedType) type).getActualTypeArguments()[0];
  }

  /** Invokes a method, rethrowing what it threw. */
  private static Object invoke(Method method, Object target, Object argument) throws Throwable {
    try {
      return method.invoke(target, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static SearchRequest all() {
    return SearchRequest.all();
  }

  private static String userPage(int page, int totalPages) {
    return "{\"success\":true,\"data\":[{\"id\":\"usr_"
        + page
        + "\",\"username\":\"u"
        + page
        + "\",\"email\":\"u"
        + page
        + "@example.com\"}],\"pagination\":{\"page\":"
        + page
        + ",\"limit\":1,\"total\":"
        + totalPages
        + ",\"total_pages\":"
        + totalPages
        + "}}";
  }
}
