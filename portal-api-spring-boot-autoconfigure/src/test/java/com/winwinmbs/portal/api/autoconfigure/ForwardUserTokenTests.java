package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.TokenSource;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forwarding the caller's token through one singleton client in a real web server: a JWT resource
 * server whose tokens mock-oauth2-server mints, and the portal played by WireMock.
 */
@SpringBootTest(
    classes = ForwardUserTokenTests.ForwardApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT)
class ForwardUserTokenTests {

  static final MockOAuth2Server oauth = startOAuth();

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @LocalServerPort int port;

  @Autowired TokenSource tokenSource;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        () -> oauth.issuerUrl("users").toString());
    registry.add("portal.api.base-url", portal::baseUrl);
    registry.add("portal.api.auth.mode", () -> "forward");
  }

  @AfterAll
  static void stopOAuth() {
    oauth.shutdown();
  }

  @BeforeEach
  void stubPortal() {
    // a little latency so the fifty calls overlap in the client
    portal.stubFor(
        get("/health")
            .willReturn(SpringSecurityClientCredentialsTests.okJson().withFixedDelay(50)));
  }

  @Test
  void fiftyConcurrentUsersEachForwardTheirOwnToken() throws Exception {
    int users = 50;
    Map<String, String> tokenBySubject = new HashMap<>();
    for (int i = 0; i < users; i++) {
      String subject = "user-" + i;
      tokenBySubject.put(subject, oauth.issueToken("users", subject).serialize());
    }
    ExecutorService callers = Executors.newFixedThreadPool(users);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (String token : tokenBySubject.values()) {
        responses.add(
            callers.submit(
                () -> {
                  start.await();
                  return WebTestSupport.get(this.http, this.port, "/call", token);
                }));
      }
      start.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        assertThat(response.get().statusCode()).isEqualTo(200);
        assertThat(response.get().body()).isEqualTo("ok");
      }
    } finally {
      callers.shutdownNow();
    }

    List<LoggedRequest> received = portal.findAll(getRequestedFor(urlEqualTo("/health")));
    assertThat(received).hasSize(users);
    List<String> forwarded = new ArrayList<>();
    for (LoggedRequest request : received) {
      String caller = request.getHeader("X-Caller");
      String token = WebTestSupport.bearer(request);
      assertThat(token).as("token sent for %s", caller).isEqualTo(tokenBySubject.get(caller));
      assertThat(WebTestSupport.subject(token)).isEqualTo(caller);
      forwarded.add(token);
    }
    assertThat(forwarded)
        .as("every caller's token exactly once")
        .containsExactlyInAnyOrderElementsOf(tokenBySubject.values());
  }

  @Test
  void workHandedToAnotherThreadDoesNotCarryTheToken() throws Exception {
    String token = oauth.issueToken("users", "alice").serialize();

    HttpResponse<String> response =
        WebTestSupport.get(this.http, this.port, "/call-on-pool", token);

    assertThat(response.statusCode()).isEqualTo(200);
    List<LoggedRequest> received =
        portal.findAll(
            getRequestedFor(urlEqualTo("/health")).withHeader("X-Caller", equalTo("pool:alice")));
    assertThat(received).hasSize(1);
    assertThat(received.get(0).containsHeader("Authorization")).isFalse();
  }

  @Test
  void workHandedToAnotherThreadCarriesTheTokenWhenTheSecurityContextIsPropagated()
      throws Exception {
    String token = oauth.issueToken("users", "bob").serialize();

    HttpResponse<String> response =
        WebTestSupport.get(this.http, this.port, "/call-on-propagating-pool", token);

    assertThat(response.statusCode()).isEqualTo(200);
    portal.verify(
        1,
        getRequestedFor(urlEqualTo("/health"))
            .withHeader("X-Caller", equalTo("propagated:bob"))
            .withHeader("Authorization", equalTo("Bearer " + token)));
  }

  @Test
  void outsideARequestThereIsNoToken() {
    assertThat(this.tokenSource.token()).isEmpty();
    assertThat(this.tokenSource.canRefresh()).isFalse();
  }

  @Test
  void aRejectedUserTokenIsNotRetried() throws Exception {
    portal.stubFor(get("/health").willReturn(aResponse().withStatus(401)));
    String token = oauth.issueToken("users", "carol").serialize();

    HttpResponse<String> response = WebTestSupport.get(this.http, this.port, "/call", token);

    assertThat(response.statusCode()).isEqualTo(500);
    portal.verify(1, getRequestedFor(urlEqualTo("/health")));
  }

  private static MockOAuth2Server startOAuth() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({
    TestPortalClientConfiguration.class,
    WebTestSupport.ResourceServerSecurity.class,
    WebTestSupport.PortalController.class
  })
  static class ForwardApplication {}
}
