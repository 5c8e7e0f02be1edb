package com.winwinmbs.portal.api.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.winwinmbs.portal.api.AuthenticationException;
import com.winwinmbs.portal.api.BadRequestException;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.organization.Organization;
import com.winwinmbs.portal.api.otp.OtpChannel;
import com.winwinmbs.portal.api.otp.OtpRequest;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.workflow.WorkflowTask;
import com.winwinmbs.portal.api.workflow.WorkflowTaskQuery;
import com.winwinmbs.portal.api.workflow.WorkflowTaskStatus;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dataset, the token endpoint, the scripted scenarios and the contract check. */
class MockPortalTests {

  static MockPortal portal;

  @BeforeAll
  static void start() {
    portal = MockPortal.start();
  }

  @AfterAll
  static void stop() {
    portal.stop();
  }

  @BeforeEach
  void reset() {
    portal.reset();
  }

  /** A client that does not wait for real: scenarios would otherwise sleep for backoff. */
  private static PortalApiClient client() {
    return portal
        .clientBuilder()
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .build();
  }

  @Test
  void datasetIsCoherentAcrossRoutes() {
    PortalApiClient client = client();
    List<User> users = client.user().search(SearchRequest.all()).items();
    List<Organization> tree = client.organization().tree();
    List<WorkflowTask> pending =
        client.workflow().tasks(WorkflowTaskQuery.all()).items().stream()
            .filter(task -> WorkflowTaskStatus.PENDING.equals(task.status()))
            .toList();

    assertThat(users).hasSize(4);
    assertThat(tree).singleElement().extracting(Organization::name).isEqualTo("WINWIN Group");
    assertThat(pending).isNotEmpty();
    List<String> userIds = users.stream().map(User::id).toList();
    assertThat(pending).allSatisfy(task -> assertThat(userIds).contains(task.assigneeUserId()));
    for (User user : users) {
      assertThat(client.user().findById(user.id()).email()).isEqualTo(user.email());
      assertThat(client.organization().findById(user.organizationId()).id())
          .isEqualTo(user.organizationId());
    }
    portal.assertNoContractViolations();
  }

  @Test
  void unknownIdAnswers404InThePortalEnvelope() {
    assertThatThrownBy(() -> client().user().findById("usr_missing"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("NOT_FOUND");
  }

  @Test
  void portalRoutesRefuseRequestsWithoutAKnownToken() {
    PortalApiClient anonymous = PortalApiClient.builder().apiUrl(portal.baseUrl()).build();
    PortalApiClient stranger =
        PortalApiClient.builder()
            .apiUrl(portal.baseUrl())
            .tokenSource(TokenSource.of("forged"))
            .build();
    PortalApiClient withApiKey =
        PortalApiClient.builder().apiUrl(portal.baseUrl()).apiKey(MockPortal.API_KEY).build();

    assertThatThrownBy(() -> anonymous.health().check())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("UNAUTHORIZED");
    assertThatThrownBy(() -> stranger.health().check())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("INVALID_TOKEN");
    assertThat(withApiKey.health().check()).isNotNull();
  }

  @Test
  void tokenEndpointIssuesTokensOnlyToKnownClients() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> good =
        http.send(tokenRequest(MockPortal.CLIENT_ID, MockPortal.CLIENT_SECRET), ofString());
    HttpResponse<String> bad = http.send(tokenRequest(MockPortal.CLIENT_ID, "wrong"), ofString());

    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).contains("\"access_token\":\"mock_at_").contains("\"expires_in\":3600");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.body()).contains("invalid_client");
  }

  @Test
  void rateLimitWithRetryAfterMsIsWaitedForAndRetried() {
    portal.rateLimitNext(Duration.ofMillis(50));

    assertThat(client().health().check()).isNotNull();
    assertThat(portal.requests(Endpoints.HEALTH_CHECK)).hasSize(2);
  }

  @Test
  void unavailableThenSuccessIsRetriedForIdempotentRoutes() {
    portal.unavailableNext(2);

    assertThat(client().user().findById(MockPortalRoutesTests.SOMCHAI).username())
        .isEqualTo("somchai.k");
    assertThat(portal.requests(Endpoints.USER_FIND_BY_ID)).hasSize(3);
  }

  @Test
  void resetConnectionIsATransportFailure() {
    // a POST: the JDK client itself would resend a GET once on a broken connection
    PortalApiClient client = client();
    client.health().check();
    portal.resetConnectionNext();

    assertThatThrownBy(
            () -> client.otp().request(OtpRequest.of(OtpChannel.SMS, "+66812345678", "login")))
        .isInstanceOf(TransportException.class);
    assertThat(portal.requests(Endpoints.OTP_REQUEST)).hasSize(1);
  }

  @Test
  void slowResponsesHitTheClientTimeout() {
    PortalApiClient base = client();
    base.health().check(); // the token is fetched before the mock slows down (it slows all)
    portal.slowResponses(Duration.ofMillis(800));
    PortalApiClient client =
        base.toBuilder().timeout(Duration.ofMillis(200)).maxAttempts(1).build();

    assertThatThrownBy(() -> client.health().check())
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
  }

  @Test
  void expiredTokenIsRefusedOnceAndTheRefreshedOneAccepted() {
    PortalApiClient client = client();
    client.health().check();
    int issued = portal.tokensIssued();
    portal.expireTokens();

    assertThat(client.health().check()).isNotNull();
    assertThat(portal.tokensIssued()).isEqualTo(issued + 1);
    assertThat(portal.requests(Endpoints.HEALTH_CHECK)).hasSize(3);
  }

  @Test
  void expiredStaticTokenFails() {
    PortalApiClient client =
        PortalApiClient.builder()
            .apiUrl(portal.baseUrl())
            .tokenSource(TokenSource.of(MockPortal.ACCESS_TOKEN))
            .build();
    client.health().check();
    portal.expireTokens();

    assertThatThrownBy(() -> client.health().check())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("TOKEN_EXPIRED");
  }

  @Test
  void rejectedTokensFailAfterOneRefresh() {
    portal.rejectTokens();

    assertThatThrownBy(() -> client().health().check()).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void validationErrorCarriesFieldDetails() {
    portal.validationErrorNext(Map.of("email", "must be a valid e-mail address"));

    assertThatThrownBy(() -> client().user().findById(MockPortalRoutesTests.SOMCHAI))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
              assertThat(e.fieldErrors()).containsKey("email");
            });
  }

  @Test
  void faultsOnTheGuideRoutesComeInTheGuideFormat() {
    String tokenId = PortalData.requireJson("mcpToken", "list").at("/tokens/0/id").asString();
    portal.validationErrorNext(Map.of("name", "Name is required"));

    assertThatThrownBy(() -> client().mcpToken().findById(tokenId))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.fieldErrors()).containsEntry("name", List.of("Name is required"));
              assertThat(e.rawBody())
                  .contains("\"error\":\"Validation Error\"")
                  .doesNotContain("\"success\"");
            });
  }

  @Test
  void aRequestBreakingTheContractFailsNamingTheRule() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> wrongType =
        http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/users/search"))
                .header("Authorization", "Bearer " + MockPortal.ACCESS_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"page\": \"first\"}"))
                .build(),
            ofString());
    HttpResponse<String> unknownRoute =
        http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/users/u1/avatar"))
                .header("Authorization", "Bearer " + MockPortal.ACCESS_TOKEN)
                .build(),
            ofString());

    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("CONTRACT_VIOLATION").contains("/page");
    assertThat(unknownRoute.statusCode()).isEqualTo(400);
    assertThat(portal.contractViolations()).hasSize(2);
    assertThat(portal.contractViolations().get(0).rules())
        .anySatisfy(rule -> assertThat(rule).startsWith("validation.request.body.schema"));
    assertThat(portal.contractViolations().get(1).rules())
        .anySatisfy(rule -> assertThat(rule).startsWith("validation.request.path.missing"));
    assertThatThrownBy(portal::assertNoContractViolations)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("POST /users/search breaks the contract")
        .hasMessageContaining("GET /users/u1/avatar breaks the contract");
  }

  @Test
  void aTestsOwnStubWinsOverTheBuiltInOne() {
    StubMapping degraded =
        portal
            .wireMock()
            .stubFor(
                get(urlPathEqualTo("/health"))
                    .willReturn(
                        aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"success\":true,\"data\":{\"status\":\"degraded\"}}")));
    try {
      assertThat(client().health().check().status()).isEqualTo("degraded");
      portal.verify(1, getRequestedFor(urlPathEqualTo("/health")));
    } finally {
      portal.wireMock().removeStub(degraded);
    }
    assertThat(client().health().check().status()).isEqualTo("ok");
  }

  @Test
  void startingOnATakenPortThrowsPortInUseExceptionNamingThePort() {
    assertThatThrownBy(
            () -> MockPortal.builder().port(portal.port()).validateRequests(false).start())
        .isInstanceOfSatisfying(
            PortInUseException.class,
            e -> {
              assertThat(e.port()).isEqualTo(portal.port());
              assertThat(e).hasMessage("Port " + portal.port() + " on 127.0.0.1 is already in use");
              assertThat(e).hasRootCauseInstanceOf(BindException.class);
            });
    assertThat(client().health().check().status()).isEqualTo("ok");
  }

  private static HttpRequest tokenRequest(String clientId, String secret) {
    return HttpRequest.newBuilder(URI.create(portal.tokenEndpoint()))
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"grant_type\":\"client_credentials\",\"client_id\":\""
                    + clientId
                    + "\",\"client_secret\":\""
                    + secret
                    + "\"}"))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
