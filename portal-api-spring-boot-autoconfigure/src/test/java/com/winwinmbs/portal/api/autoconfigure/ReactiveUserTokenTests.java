package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application on Reactor Netty, a JWT resource server whose tokens mock-oauth2-server
 * mints, calling the portal (WireMock) through the one auto-configured client: machine tokens from
 * a Spring Security registration of the reactive stack, and each user's token passed per call with
 * {@link ReactiveUserToken}. Users at once each reach the portal with their own token, never
 * another's and never the machine token; a request the application lets through unvalidated reaches
 * the portal with nothing; a call made on the event loop is refused at once, unsent.
 */
@Tag("reactor-netty")
@SpringBootTest(
    classes = ReactiveUserTokenTests.ReactiveApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=reactive",
      "portal.api.timeout=20s",
      "portal.api.retry.max-attempts=3"
    })
class ReactiveUserTokenTests {

  static final int USERS = 64;

  static final MockOAuth2Server oauth = startOAuth();

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(USERS + 20))
          .build();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @LocalServerPort int port;

  @Autowired PortalApiClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    WebTestSupport.usersAndMachines(registry, oauth, portal::baseUrl);
    registry.add("portal.api.auth.registration-id", () -> "portal");
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

  @Test
  @Timeout(120)
  void usersAtOnceEachReachThePortalWithTheirOwnTokenNeverTheMachineToken(
      @Autowired PortalTransport transport) throws Exception {
    assertThat(transport.toString()).startsWith("JdkHttpTransport[");
    Map<String, String> tokens = new LinkedHashMap<>();
    for (int i = 0; i < USERS; i++) {
      tokens.put("user-" + i, oauth.issueToken("users", "user-" + i).serialize());
    }

    callAllAtOnce("/user/health", tokens);
    String machineToken = machineToken();

    List<LoggedRequest> received = portal.findAll(getRequestedFor(urlEqualTo("/health")));
    List<LoggedRequest> byUsers =
        received.stream().filter((request) -> !"machine".equals(caller(request))).toList();
    assertThat(byUsers).hasSize(USERS);
    for (LoggedRequest request : byUsers) {
      assertThat(WebTestSupport.bearer(request))
          .as("token sent for %s", caller(request))
          .isEqualTo(tokens.get(caller(request)));
    }
    assertThat(byUsers.stream().map(WebTestSupport::bearer).toList())
        .as("every user's token exactly once, never the machine token")
        .containsExactlyInAnyOrderElementsOf(tokens.values())
        .doesNotContain(machineToken);
    assertThat(WebTestSupport.subject(machineToken)).isEqualTo("portal-service");
  }

  @Test
  void aForgedTokenOnARequestLetThroughUnvalidatedReachesThePortalWithNothing() throws Exception {
    HttpResponse<String> response =
        WebTestSupport.get(this.http, this.port, "/open/health", "forged");

    assertThat(response.statusCode()).isEqualTo(401);
    portal.verify(0, getRequestedFor(urlEqualTo("/health")));
    // the machine identity is there, and a call outside any request uses it
    assertThat(WebTestSupport.subject(machineToken())).isEqualTo("portal-service");
  }

  @Test
  void anInvalidTokenIsRefusedByTheResourceServerAndReachesNoPortal() throws Exception {
    HttpResponse<String> response =
        WebTestSupport.get(this.http, this.port, "/user/health", "forged");

    assertThat(response.statusCode()).isEqualTo(401);
    portal.verify(0, getRequestedFor(urlEqualTo("/health")));
  }

  @Test
  void aBlockingCallOnTheEventLoopIsRefusedAtOnceAndNotRetried() throws Exception {
    String token = oauth.issueToken("users", "alice").serialize();

    HttpResponse<String> response =
        WebTestSupport.get(this.http, this.port, "/user/health-on-event-loop", token);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .startsWith("IllegalStateException: The portal call GET /health waits for the portal's")
        .contains("made on the non-blocking thread '")
        .contains("Schedulers.boundedElastic()")
        .doesNotContain(token);
    // refused before the transport: no attempt went out, so none was retried
    portal.verify(0, getRequestedFor(urlEqualTo("/health")));
  }

  /** A call outside any request, as a scheduled job makes: the machine token. */
  private String machineToken() throws InterruptedException {
    AtomicReference<String> status = new AtomicReference<>();
    Thread job =
        new Thread(
            () ->
                status.set(
                    this.client
                        .health()
                        .withOptions(RequestOptions.builder().header("X-Caller", "machine").build())
                        .check()
                        .status()));
    job.start();
    job.join(20_000);
    assertThat(status).hasValue("ok");
    List<LoggedRequest> machine =
        portal.findAll(
            getRequestedFor(urlEqualTo("/health")).withHeader("X-Caller", equalTo("machine")));
    assertThat(machine).hasSize(1);
    return WebTestSupport.bearer(machine.get(0));
  }

  private void callAllAtOnce(String path, Map<String, String> tokens) throws Exception {
    ExecutorService users = Executors.newFixedThreadPool(tokens.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (String token : tokens.values()) {
        responses.add(
            users.submit(
                () -> {
                  start.await();
                  return WebTestSupport.get(this.http, this.port, path, token);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        HttpResponse<String> received = response.get(90, TimeUnit.SECONDS);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(received.body()).isEqualTo("ok");
      }
    } finally {
      users.shutdownNow();
    }
  }

  private static String caller(LoggedRequest request) {
    return request.getHeader("X-Caller");
  }

  private static MockOAuth2Server startOAuth() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }

  /**
   * Calls the portal's health route for the caller, as the README shows, marking each call with
   * {@code X-Caller} (the JWT's subject).
   */
  @RestController
  static class ReactivePortalController {

    private final PortalApiClient portal;

    ReactivePortalController(PortalApiClient portal) {
      this.portal = portal;
    }

    @GetMapping({"/user/health", "/open/health"})
    Mono<String> health() {
      return ReactiveSecurityContextHolder.getContext()
          .mapNotNull((context) -> context.getAuthentication())
          .map((authentication) -> authentication.getName())
          .defaultIfEmpty("unauthenticated")
          .flatMap(
              (subject) ->
                  ReactiveUserToken.call(
                      (options) ->
                          this.portal
                              .health()
                              .withOptions(options.toBuilder().header("X-Caller", subject).build())
                              .check()
                              .status()));
    }

    /** The mistake the check catches: a blocking call right on the event loop. */
    @GetMapping("/user/health-on-event-loop")
    ResponseEntity<String> healthOnTheEventLoop() {
      try {
        return ResponseEntity.ok(this.portal.health().check().status());
      } catch (IllegalStateException ex) {
        return ResponseEntity.internalServerError()
            .body(ex.getClass().getSimpleName() + ": " + ex.getMessage());
      }
    }
  }

  /**
   * Two chains: the API, a JWT resource server; and {@code /open/**}, which the application lets
   * through without validating anything.
   */
  @Configuration(proxyBeanMethods = false)
  static class ReactiveSecurity {

    @Bean
    @Order(1)
    SecurityWebFilterChain open(ServerHttpSecurity http) {
      return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/open/**"))
          .authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
          .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain api(ServerHttpSecurity http) {
      return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
          .oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
          .build();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({ReactiveSecurity.class, ReactivePortalController.class})
  static class ReactiveApplication {}
}
