package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.http.PortalTransport;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two hundred users at once through the one auto-configured client in a real web server (a JWT
 * resource server whose tokens mock-oauth2-server mints, the portal played by WireMock with a delay
 * so the calls overlap): each user's call reaches the portal with that user's token and no other,
 * also while work is handed to a shared pool. On the pool as is, a call carries no user token
 * (forward mode) or the machine token (hybrid mode); on the same pool wrapped to propagate the
 * security context, each carries its own user's token.
 */
@SpringBootTest(
    classes = ForwardUserTokenIsolationTests.IsolationApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      // more request threads than users, so all two hundred are served at once
      "server.tomcat.threads.max=300",
      "portal.api.timeout=20s",
      "portal.api.retry.max-attempts=1"
    })
class ForwardUserTokenIsolationTests {

  static final int USERS = 200;

  static final MockOAuth2Server oauth = startOAuth();

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(USERS + 100))
          .build();

  /** The test's own HTTP client: HTTP/1.1, one connection per concurrent user. */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    WebTestSupport.usersAndMachines(registry, oauth, portal::baseUrl);
  }

  @AfterAll
  static void stopOAuth() {
    oauth.shutdown();
  }

  @BeforeEach
  void stubPortal() {
    portal.stubFor(
        get("/health")
            .willReturn(SpringSecurityClientCredentialsTests.okJson().withFixedDelay(100)));
  }

  @Nested
  @TestPropertySource(properties = "portal.api.auth.mode=forward")
  class ForwardMode {

    @LocalServerPort int port;

    @Test
    @Timeout(120)
    void twoHundredConcurrentUsersEachReachThePortalWithOnlyTheirOwnToken(
        @Autowired PortalTransport transport) throws Exception {
      assertThat(transport).hasToString("JdkHttpTransport[HTTP_1_1, connectTimeout=PT10S]");
      Map<String, String> tokens = usersAndTokens();

      callAllAtOnce(this.port, "/isolation/direct", tokens);

      assertEachCarriesItsOwnToken(byRoute().get("direct"), tokens);
    }

    @Test
    @Timeout(120)
    void underLoadAPlainPoolCarriesNoUserTokenAndAPropagatingPoolEachUsersOwn() throws Exception {
      Map<String, String> tokens = usersAndTokens();

      callAllAtOnce(this.port, "/isolation/handed-off", tokens);

      Map<String, List<LoggedRequest>> byRoute = byRoute();
      assertEachCarriesItsOwnToken(byRoute.get("direct"), tokens);
      assertEachCarriesItsOwnToken(byRoute.get("propagating-pool"), tokens);
      List<LoggedRequest> plain = byRoute.get("plain-pool");
      assertThat(callers(plain)).containsExactlyInAnyOrderElementsOf(tokens.keySet());
      assertThat(plain)
          .as("a plain pool has no user, so no token")
          .allSatisfy((request) -> assertThat(request.containsHeader("Authorization")).isFalse());
    }
  }

  @Nested
  @TestPropertySource(
      properties = {"portal.api.auth.mode=hybrid", "portal.api.auth.registration-id=portal"})
  class HybridMode {

    @LocalServerPort int port;

    @Test
    @Timeout(120)
    void twoHundredConcurrentUsersEachReachThePortalWithOnlyTheirOwnToken() throws Exception {
      Map<String, String> tokens = usersAndTokens();

      callAllAtOnce(this.port, "/isolation/direct", tokens);

      assertEachCarriesItsOwnToken(byRoute().get("direct"), tokens);
    }

    @Test
    @Timeout(120)
    void underLoadAPlainPoolCarriesTheMachineTokenAndAPropagatingPoolEachUsersOwn()
        throws Exception {
      Map<String, String> tokens = usersAndTokens();

      callAllAtOnce(this.port, "/isolation/handed-off", tokens);

      Map<String, List<LoggedRequest>> byRoute = byRoute();
      assertEachCarriesItsOwnToken(byRoute.get("direct"), tokens);
      assertEachCarriesItsOwnToken(byRoute.get("propagating-pool"), tokens);
      List<LoggedRequest> plain = byRoute.get("plain-pool");
      assertThat(callers(plain)).containsExactlyInAnyOrderElementsOf(tokens.keySet());
      List<String> sent = plain.stream().map(WebTestSupport::bearer).toList();
      assertThat(sent)
          .as("one machine token for all")
          .doesNotContainNull()
          .containsOnly(sent.get(0));
      assertThat(tokens.values()).doesNotContain(sent.get(0));
      assertThat(WebTestSupport.subject(sent.get(0))).isEqualTo("portal-service");
    }
  }

  /** user-0 … user-199, each with a token of its own. */
  private static Map<String, String> usersAndTokens() {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (int i = 0; i < USERS; i++) {
      String subject = "user-" + i;
      tokens.put(subject, oauth.issueToken("users", subject).serialize());
    }
    return tokens;
  }

  /** Every user calls the path at the same moment, each with its own token. */
  private void callAllAtOnce(int port, String path, Map<String, String> tokens) throws Exception {
    ExecutorService users = Executors.newFixedThreadPool(tokens.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (String token : tokens.values()) {
        responses.add(
            users.submit(
                () -> {
                  start.await();
                  return WebTestSupport.get(this.http, port, path, token);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        HttpResponse<String> received = response.get(90, TimeUnit.SECONDS);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
      }
    } finally {
      users.shutdownNow();
    }
  }

  /** What the portal received, by the {@code X-Route} the controller marked each call with. */
  private static Map<String, List<LoggedRequest>> byRoute() {
    return portal.findAll(getRequestedFor(urlEqualTo("/health"))).stream()
        .collect(Collectors.groupingBy((request) -> request.getHeader("X-Route")));
  }

  private static List<String> callers(List<LoggedRequest> requests) {
    return requests.stream().map((request) -> request.getHeader("X-Caller")).toList();
  }

  /** One request per user, each with that user's token: every token exactly once. */
  private static void assertEachCarriesItsOwnToken(
      List<LoggedRequest> requests, Map<String, String> tokens) {
    assertThat(requests).hasSize(tokens.size());
    assertThat(callers(requests)).containsExactlyInAnyOrderElementsOf(tokens.keySet());
    for (LoggedRequest request : requests) {
      String caller = request.getHeader("X-Caller");
      assertThat(WebTestSupport.bearer(request))
          .as("token sent for %s", caller)
          .isEqualTo(tokens.get(caller));
    }
    assertThat(requests.stream().map(WebTestSupport::bearer).toList())
        .as("every user's token exactly once")
        .containsExactlyInAnyOrderElementsOf(tokens.values());
  }

  private static MockOAuth2Server startOAuth() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }

  /**
   * Calls the portal for the user in the request thread and, on {@code /isolation/handed-off}, also
   * on one shared pool, once as is and once through a wrapper that propagates the security context:
   * both kinds of task run on the same threads, so a context left behind would show.
   */
  @RestController
  static class IsolationController implements DisposableBean {

    private final PortalApiClient portal;

    private final ExecutorService shared = Executors.newFixedThreadPool(32);

    private final ExecutorService propagating =
        new DelegatingSecurityContextExecutorService(this.shared);

    IsolationController(PortalApiClient portal) {
      this.portal = portal;
    }

    @GetMapping("/isolation/direct")
    String direct(Principal principal) {
      return check(principal.getName(), "direct");
    }

    @GetMapping("/isolation/handed-off")
    String handedOff(Principal principal) throws Exception {
      String caller = principal.getName();
      Future<String> plain = this.shared.submit(() -> check(caller, "plain-pool"));
      Future<String> propagated = this.propagating.submit(() -> check(caller, "propagating-pool"));
      String direct = check(caller, "direct");
      return direct + plain.get(60, TimeUnit.SECONDS) + propagated.get(60, TimeUnit.SECONDS);
    }

    private String check(String caller, String route) {
      return this.portal
          .health()
          .withOptions(
              RequestOptions.builder().header("X-Caller", caller).header("X-Route", route).build())
          .check()
          .status();
    }

    @Override
    public void destroy() {
      this.shared.shutdownNow();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({WebTestSupport.ResourceServerSecurity.class, IsolationController.class})
  static class IsolationApplication {}
}
