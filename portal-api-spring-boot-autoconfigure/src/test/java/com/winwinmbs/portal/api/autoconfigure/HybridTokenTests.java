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
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hybrid mode in a real web server: a scheduled job calls the portal with the machine token (Spring
 * Security client_credentials against mock-oauth2-server) while a user request forwards the user's
 * JWT.
 */
@SpringBootTest(
    classes = HybridTokenTests.HybridApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT)
class HybridTokenTests {

  static final MockOAuth2Server oauth = startOAuth();

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .resetOnEachTest(false)
          .build();

  @LocalServerPort int port;

  @Autowired ScheduledPortalJob job;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    portal.stubFor(get("/health").willReturn(SpringSecurityClientCredentialsTests.okJson()));
    WebTestSupport.usersAndMachines(registry, oauth, portal::baseUrl);
    registry.add("portal.api.auth.mode", () -> "hybrid");
    registry.add("portal.api.auth.registration-id", () -> "portal");
  }

  @AfterAll
  static void stopOAuth() {
    oauth.shutdown();
  }

  @Test
  void scheduledJobUsesTheMachineTokenWhileAUserRequestForwardsTheUsersToken() throws Exception {
    String aliceToken = oauth.issueToken("users", "alice").serialize();

    HttpResponse<String> response = WebTestSupport.get(this.http, this.port, "/call", aliceToken);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(this.job.ran.get(10, TimeUnit.SECONDS)).isEqualTo("ok");

    LoggedRequest user = single("alice");
    assertThat(WebTestSupport.bearer(user)).isEqualTo(aliceToken);
    LoggedRequest scheduled = single("scheduler");
    String machineToken = WebTestSupport.bearer(scheduled);
    assertThat(machineToken).isNotNull().isNotEqualTo(aliceToken);
    assertThat(WebTestSupport.subject(machineToken)).isEqualTo("portal-service");
  }

  @Test
  void workHandedToAnotherThreadWithoutTheSecurityContextUsesTheMachineToken() throws Exception {
    String daveToken = oauth.issueToken("users", "dave").serialize();

    HttpResponse<String> response =
        WebTestSupport.get(this.http, this.port, "/call-on-pool", daveToken);

    assertThat(response.statusCode()).isEqualTo(200);
    String sent = WebTestSupport.bearer(single("pool:dave"));
    assertThat(sent).isNotEqualTo(daveToken);
    assertThat(WebTestSupport.subject(sent)).isEqualTo("portal-service");
  }

  @Test
  void aBackgroundCallOutsideAnyRequestUsesTheMachineToken(@Autowired PortalApiClient client)
      throws Exception {
    AtomicReference<String> status = new AtomicReference<>();
    Thread background =
        new Thread(
            () ->
                status.set(
                    client
                        .health()
                        .withOptions(
                            RequestOptions.builder().header("X-Caller", "background").build())
                        .check()
                        .status()));
    background.start();
    background.join(10_000);

    assertThat(status).hasValue("ok");
    assertThat(WebTestSupport.subject(WebTestSupport.bearer(single("background"))))
        .isEqualTo("portal-service");
  }

  private static LoggedRequest single(String caller) {
    List<LoggedRequest> found =
        portal.findAll(
            getRequestedFor(urlEqualTo("/health")).withHeader("X-Caller", equalTo(caller)));
    assertThat(found).as("portal calls by %s", caller).hasSize(1);
    return found.get(0);
  }

  private static MockOAuth2Server startOAuth() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }

  /** Runs once, right after startup, as a nightly job would. */
  static class ScheduledPortalJob {

    final CompletableFuture<String> ran = new CompletableFuture<>();

    private final WebTestSupport.PortalController controller;

    ScheduledPortalJob(WebTestSupport.PortalController controller) {
      this.controller = controller;
    }

    @Scheduled(initialDelay = 0, fixedDelay = 3_600_000)
    void sync() {
      try {
        this.ran.complete(this.controller.check("scheduler"));
      } catch (RuntimeException ex) {
        this.ran.completeExceptionally(ex);
      }
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableScheduling
  @Import({
    TestPortalClientConfiguration.class,
    WebTestSupport.ResourceServerSecurity.class,
    WebTestSupport.PortalController.class
  })
  static class HybridApplication {

    @Bean
    ScheduledPortalJob scheduledPortalJob(WebTestSupport.PortalController controller) {
      return new ScheduledPortalJob(controller);
    }
  }
}
