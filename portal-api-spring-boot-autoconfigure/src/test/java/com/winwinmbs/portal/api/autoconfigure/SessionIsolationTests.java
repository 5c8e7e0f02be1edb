package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.auth.AuthApi;
import com.winwinmbs.portal.api.auth.CurrentUser;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.mcptoken.McpToken;
import com.winwinmbs.portal.api.mcptoken.McpTokenApi;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The guide's session routes in a server application, as the starter wires them: one shared {@link
 * AuthApi} bean and one shared {@link McpTokenApi} bean in a real Tomcat server, used by sixty
 * users at once. Each user signs in through the application, which keeps the session that {@code
 * login} returned in that user's {@link HttpSession} and passes it per call with {@code
 * withOptions(session.requestOptions())}. The portal (WireMock) issues each user a token and a
 * refresh cookie of their own and rejects each first token, so every user's session refreshes while
 * the others' calls are under way. No request reaching the portal carries another user's token,
 * cookie or tenant, each session refreshes once for its two concurrent calls, and the {@code
 * AuthApi} bean itself holds no session: called without options it sends the application's own
 * token and no cookie.
 */
@SpringBootTest(
    classes = SessionIsolationTests.SessionApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.tomcat.threads.max=300",
      "portal.api.timeout=20s",
      "portal.api.retry.max-attempts=1",
      "portal.api.auth.token=" + SessionIsolationTests.APP_TOKEN
    })
class SessionIsolationTests {

  static final int USERS = 60;

  /** The application's own token: what the shared client sends when a call names no session. */
  static final String APP_TOKEN = "app-token-Si01";

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(2 * USERS + 50))
          .build();

  private static final List<String> NAMES = names();

  /** The test's browser: HTTP/1.1, one connection per concurrent request, cookies kept by hand. */
  private final HttpClient browser =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("portal.api.base-url", portal::baseUrl);
  }

  @BeforeEach
  void stubPortal() {
    for (String name : NAMES) {
      portal.stubFor(
          post("/auth/login")
              .withRequestBody(
                  equalToJson(
                      "{\"email\": \"" + email(name) + "\", \"password\": \"pw-" + name + "\"}",
                      false,
                      true))
              .willReturn(
                  json("{\"user\": {\"id\": \"id-"
                          + name
                          + "\", \"email\": \""
                          + email(name)
                          + "\"}, \"tenant\": {\"id\": \""
                          + tenant(name)
                          + "\"}, \"accessToken\": \""
                          + token(1, name)
                          + "\"}")
                      .withHeader(
                          "Set-Cookie",
                          "refreshToken=" + cookie(1, name) + "; Path=/auth; HttpOnly")
                      .withFixedDelay(50)));
      portal.stubFor(
          post("/auth/refresh")
              .withHeader("Cookie", equalTo("refreshToken=" + cookie(1, name)))
              .willReturn(
                  json("{\"accessToken\": \"" + token(2, name) + "\"}")
                      .withHeader(
                          "Set-Cookie",
                          "refreshToken=" + cookie(2, name) + "; Path=/auth; HttpOnly")
                      .withFixedDelay(150)));
      for (String route : List.of("/auth/me", "/mcp/tokens")) {
        // each user's first token has expired by the time it is used
        portal.stubFor(
            get(route)
                .withHeader("Authorization", equalTo("Bearer " + token(1, name)))
                .willReturn(
                    json("{\"error\": \"Unauthorized\", \"message\": \"Access token expired\","
                            + " \"statusCode\": 401}")
                        .withStatus(401)
                        .withFixedDelay(50)));
      }
      portal.stubFor(
          get("/auth/me")
              .withHeader("Authorization", equalTo("Bearer " + token(2, name)))
              .willReturn(
                  json("{\"user\": {\"id\": \"id-"
                          + name
                          + "\", \"email\": \""
                          + email(name)
                          + "\"}, \"tenant\": {\"id\": \""
                          + tenant(name)
                          + "\"}}")
                      .withFixedDelay(20)));
      portal.stubFor(
          get("/mcp/tokens")
              .withHeader("Authorization", equalTo("Bearer " + token(2, name)))
              .willReturn(
                  json("{\"tokens\": [{\"id\": \"mcp-"
                          + name
                          + "\", \"name\": \"agent of "
                          + name
                          + "\"}]}")
                      .withFixedDelay(20)));
    }
    portal.stubFor(
        get("/auth/me")
            .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN))
            .willReturn(
                json(
                    "{\"user\": {\"id\": \"id-app\", \"email\": \"service@acme.test\"},"
                        + " \"tenant\": {\"id\": \"tenant-app\"}}")));
  }

  @Test
  @Timeout(120)
  void sixtyUsersThroughTheSharedBeansEachReachThePortalWithOnlyTheirOwnTokenAndCookie(
      @Autowired AuthApi auth) throws Exception {
    ExecutorService users = Executors.newFixedThreadPool(USERS);
    CountDownLatch start = new CountDownLatch(1);
    Map<String, Future<List<String>>> answers = new LinkedHashMap<>();
    try {
      for (String name : NAMES) {
        answers.put(
            name,
            users.submit(
                () -> {
                  start.await();
                  return actAs(name);
                }));
      }
      start.countDown();
      for (Map.Entry<String, Future<List<String>>> answer : answers.entrySet()) {
        String name = answer.getKey();
        // what the application answered each user came from that user's portal session
        assertThat(answer.getValue().get(90, TimeUnit.SECONDS))
            .as("answers to %s", name)
            .containsExactly("signed in", email(name), "agent of " + name, email(name));
      }
    } finally {
      users.shutdownNow();
    }

    List<LoggedRequest> received = portal.findAll(anyRequestedFor(anyUrl()));
    Map<String, List<LoggedRequest>> byCaller =
        received.stream()
            .collect(Collectors.groupingBy((request) -> String.valueOf(caller(request))));
    assertThat(byCaller.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
    for (String name : NAMES) {
      List<LoggedRequest> requests = byCaller.get(name);
      for (LoggedRequest request : requests) {
        assertCarriesOnly(name, request);
      }
      // a login; /auth/me twice and /mcp/tokens once with the new token; before them, one or both
      // of the concurrent first calls with the expired token, and one refresh shared by them
      assertThat(requests)
          .extracting((request) -> request.getMethod() + " " + request.getUrl())
          .as("requests for %s", name)
          .containsOnly(
              "POST /auth/login", "GET /auth/me", "GET /mcp/tokens", "POST /auth/refresh");
      assertThat(requests)
          .filteredOn((request) -> request.getUrl().equals("/auth/login"))
          .hasSize(1);
      assertThat(requests)
          .filteredOn(
              (request) -> ("Bearer " + token(2, name)).equals(request.getHeader("Authorization")))
          .extracting(LoggedRequest::getUrl)
          .containsExactlyInAnyOrder("/auth/me", "/auth/me", "/mcp/tokens");
      assertThat(requests)
          .filteredOn(
              (request) -> ("Bearer " + token(1, name)).equals(request.getHeader("Authorization")))
          .hasSizeBetween(1, 2);
      assertThat(requests)
          .filteredOn((request) -> request.getUrl().equals("/auth/refresh"))
          .as("refreshes of %s's session", name)
          .singleElement()
          .satisfies(
              (refresh) -> {
                assertThat(refresh.getHeader("Cookie"))
                    .isEqualTo("refreshToken=" + cookie(1, name));
                assertThat(refresh.containsHeader("Authorization")).isFalse();
              });
    }
    portal.verify(
        USERS,
        postRequestedFor(urlEqualTo("/auth/login"))
            .withHeader("Authorization", absent())
            .withHeader("Cookie", absent()));
    // the application's own token never went with a user's call
    assertThat(received)
        .noneSatisfy(
            (request) ->
                assertThat(String.valueOf(request.getHeader("Authorization"))).contains(APP_TOKEN));

    // the shared AuthApi bean acts for nobody: without options, the application's token
    assertThat(auth.toString()).doesNotContain(".user-", "Session", "ACTIVE");
    CurrentUser app = auth.me();
    assertThat(app.user().email()).isEqualTo("service@acme.test");
    List<LoggedRequest> afterwards = portal.findAll(getRequestedFor(urlEqualTo("/auth/me")));
    LoggedRequest last =
        afterwards.stream()
            .filter((request) -> caller(request) == null)
            .collect(Collectors.toList())
            .get(0);
    assertThat(last.getHeader("Authorization")).isEqualTo("Bearer " + APP_TOKEN);
    assertThat(last.containsHeader("Cookie")).isFalse();
    assertThat(last.containsHeader("X-Tenant-Id")).isFalse();
  }

  /**
   * One user's visit: sign in, then ask who they are and list their MCP tokens at the same moment
   * (both find the first token expired), then ask who they are once more.
   */
  private List<String> actAs(String name) throws Exception {
    HttpResponse<String> login =
        this.browser.send(
            request("/login?name=" + name, null).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String sessionCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter((value) -> value.startsWith("JSESSIONID="))
            .map((value) -> value.substring(0, value.indexOf(';')))
            .findFirst()
            .orElseThrow();
    CompletableFuture<HttpResponse<String>> me =
        this.browser.sendAsync(
            request("/me", sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> tokens =
        this.browser.sendAsync(
            request("/tokens", sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
    List<String> bodies = new ArrayList<>();
    bodies.add(login.body());
    bodies.add(body(me.get(60, TimeUnit.SECONDS)));
    bodies.add(body(tokens.get(60, TimeUnit.SECONDS)));
    bodies.add(
        body(
            this.browser.send(
                request("/me", sessionCookie).build(), HttpResponse.BodyHandlers.ofString())));
    return bodies;
  }

  private HttpRequest.Builder request(String path, String sessionCookie) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(60));
    if (sessionCookie != null) {
      builder.header("Cookie", sessionCookie);
    }
    return builder;
  }

  private static String body(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /**
   * Everything the request carried that could name a user (its bearer token, cookies, tenant and
   * body) names this user only: their own token, cookie and tenant, or nothing.
   */
  private static void assertCarriesOnly(String name, LoggedRequest request) {
    String what = request.getMethod() + " " + request.getUrl() + " for " + name;
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      assertThat(authorization)
          .as("Authorization of %s", what)
          .isIn("Bearer " + token(1, name), "Bearer " + token(2, name));
    }
    String cookie = request.getHeader("Cookie");
    if (cookie != null) {
      assertThat(cookie)
          .as("Cookie of %s", what)
          .isIn("refreshToken=" + cookie(1, name), "refreshToken=" + cookie(2, name));
    }
    String tenant = request.getHeader("X-Tenant-Id");
    if (tenant != null) {
      assertThat(tenant).as("X-Tenant-Id of %s", what).isEqualTo(tenant(name));
    }
    String everything =
        request.getHeaders().all().stream()
                .map((header) -> header.key() + ": " + String.join(",", header.values()))
                .collect(Collectors.joining("\n"))
            + "\n"
            + request.getBodyAsString();
    for (String other : NAMES) {
      if (!other.equals(name)) {
        assertThat(everything).as("what %s carried", what).doesNotContain("." + other + ".");
      }
    }
  }

  private static String caller(LoggedRequest request) {
    return request.getHeader("X-Caller");
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      names.add(String.format("user-%02d", i));
    }
    return List.copyOf(names);
  }

  static String email(String name) {
    return "person." + name + ".si@acme.test";
  }

  static String token(int generation, String name) {
    return "at" + generation + "." + name + ".Si";
  }

  static String cookie(int generation, String name) {
    return "rt" + generation + "." + name + ".Si";
  }

  static String tenant(String name) {
    return "tenant." + name + ".Si";
  }

  /**
   * The application: it signs each user in through the shared {@link AuthApi} bean, keeps the
   * portal session with the user's HTTP session, and passes it per call to the shared beans.
   */
  @RestController
  static class PortalSessionController {

    static final String PORTAL_SESSION = "portal.session";

    static final String USER = "portal.user";

    private final AuthApi auth;

    private final McpTokenApi mcpTokens;

    PortalSessionController(AuthApi auth, McpTokenApi mcpTokens) {
      this.auth = auth;
      this.mcpTokens = mcpTokens;
    }

    @PostMapping("/login")
    String login(@RequestParam String name, HttpSession httpSession) {
      SessionTokenSource session =
          this.auth.withOptions(caller(name)).login(email(name), "pw-" + name, false);
      httpSession.setAttribute(PORTAL_SESSION, session);
      httpSession.setAttribute(USER, name);
      return "signed in";
    }

    @GetMapping("/me")
    String me(HttpSession httpSession) {
      return this.auth.withOptions(options(httpSession)).me().user().email();
    }

    @GetMapping("/tokens")
    String tokens(HttpSession httpSession) {
      return this.mcpTokens.withOptions(options(httpSession)).list().stream()
          .map(McpToken::name)
          .collect(Collectors.joining(","));
    }

    /** The user's portal session, and a mark of whose call it is for the portal's journal. */
    private static RequestOptions options(HttpSession httpSession) {
      if (!(httpSession.getAttribute(PORTAL_SESSION) instanceof SessionTokenSource session)) {
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign in first");
      }
      return session.requestOptions().with(caller((String) httpSession.getAttribute(USER)));
    }

    private static RequestOptions caller(String name) {
      return RequestOptions.builder().header("X-Caller", name).build();
    }
  }

  /** The application's own pages need no sign-in of Spring Security's: the portal is the judge. */
  @Configuration(proxyBeanMethods = false)
  static class OpenSecurity {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
          .csrf((csrf) -> csrf.disable())
          .build();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({OpenSecurity.class, PortalSessionController.class})
  static class SessionApplication {}
}
