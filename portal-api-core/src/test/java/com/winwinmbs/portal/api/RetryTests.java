package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.testing.MutableClock;
import com.winwinmbs.portal.api.testing.RecordingSleeper;
import com.winwinmbs.portal.api.testing.TestClients;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
@SuppressWarnings("unchecked")
class RetryTests {

  private static final String RATE_LIMITED =
      """
      {"success":false,"error":{"code":"RATE_LIMITED","message":"Too many requests","requestId":"req_429"}}""";

  private final MutableClock clock = MutableClock.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private RequestExecutor executor;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    executor = TestClients.executor(TestClients.builder(wm).clock(clock).sleeper(sleeper).build());
  }

  private static void respond(WireMockRuntimeInfo wm, ResponseDefinitionBuilder response) {
    wm.getWireMock().register(any(anyUrl()).willReturn(response));
  }

  private static List<LoggedRequest> received(WireMockRuntimeInfo wm) {
    return wm.getWireMock().find(anyRequestedFor(anyUrl()));
  }

  /**
   * Waits until the server has recorded {@code count} requests: it records a request whose response
   * was delayed only once that response is written, after the client gave up on it. Waiting also
   * keeps a late record out of the next test.
   */
  private static void awaitReceived(WireMockRuntimeInfo wm, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (received(wm).size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(received(wm)).hasSize(count);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static Call call(Endpoint endpoint) {
    Call call = Call.to(endpoint);
    for (String name : endpoint.variableNames()) {
      call.path(name, "id_1");
    }
    if (endpoint.method() != com.winwinmbs.portal.api.http.HttpMethod.GET
        && endpoint.method() != com.winwinmbs.portal.api.http.HttpMethod.DELETE) {
      call.json(Map.of("name", "x"));
    }
    return call;
  }

  static Stream<Arguments> methodMatrix() {
    RequestOptions withKey = RequestOptions.builder().idempotencyKey("create-usr-42").build();
    return Stream.of(
        Arguments.of("GET", Endpoints.USER_FIND_BY_ID, null, 3),
        Arguments.of("PUT", Endpoints.USER_UPDATE, null, 3),
        Arguments.of("DELETE", Endpoints.USER_DELETE, null, 3),
        Arguments.of("POST without Idempotency-Key", Endpoints.USER_CREATE, null, 1),
        Arguments.of("POST with Idempotency-Key", Endpoints.USER_CREATE, withKey, 3),
        Arguments.of("POST marked idempotent (search)", Endpoints.USER_SEARCH, null, 3),
        Arguments.of("POST action without key", Endpoints.WORKFLOW_APPROVE, null, 1));
  }

  @ParameterizedTest(name = "{0} -> {3} attempts")
  @MethodSource("methodMatrix")
  void serverErrorIsRetriedOnlyWhenTheRequestIsIdempotent(
      String label,
      Endpoint endpoint,
      RequestOptions options,
      int attempts,
      WireMockRuntimeInfo wm) {
    respond(
        wm,
        json(503, "{\"success\":false,\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"down\"}}"));

    ServerException e =
        catchThrowableOfType(
            ServerException.class,
            () -> executor.execute(call(endpoint).options(options), Map.class));

    assertThat(e.attempts()).isEqualTo(attempts);
    assertThat(received(wm)).hasSize(attempts);
    assertThat(sleeper.waits()).hasSize(attempts - 1);
    if (attempts > 1) {
      assertThat(e).hasMessageContaining("attempts=" + attempts);
    } else {
      assertThat(e).hasMessageNotContaining("attempts=");
    }
    if (options != null) {
      assertThat(received(wm))
          .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("create-usr-42"));
    }
  }

  @Test
  void nonIdempotentFailureSaysWhyItWasNotRetried(WireMockRuntimeInfo wm) {
    respond(wm, json(502, "{}"));

    ServerException e =
        catchThrowableOfType(
            ServerException.class, () -> executor.execute(call(Endpoints.USER_CREATE), Map.class));

    assertThat(e)
        .hasMessageContaining("not retried: POST is not idempotent and carries no Idempotency-Key");
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void retryableStatusesAreRetriedUpToThreeAttempts(int status, WireMockRuntimeInfo wm) {
    respond(wm, json(status, "{}"));

    ServerException e =
        catchThrowableOfType(
            ServerException.class,
            () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(received(wm)).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 405, 409, 410, 422, 501, 505})
  void otherErrorStatusesAreNeverRetried(int status, WireMockRuntimeInfo wm) {
    respond(wm, json(status, "{}"));

    PortalApiException e =
        catchThrowableOfType(
            PortalApiException.class,
            () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(received(wm)).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void retriedRequestSucceedsWhenTheServerRecovers(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{}"))
                .willSetStateTo("better"));
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("flaky")
                .whenScenarioStateIs("better")
                .willReturn(json(502, "{}"))
                .willSetStateTo("up"));
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(json(200, "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));

    Map<String, Object> user = executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class);

    assertThat(user).containsEntry("id", "usr_1");
    assertThat(received(wm)).hasSize(3);
  }

  @Test
  void defaultPolicyMakesThreeAttempts(WireMockRuntimeInfo wm) {
    assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(3);
    respond(wm, json(500, "{}"));
    PortalApiClient plain =
        PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl()).sleeper(sleeper).build();

    ServerException e = catchThrowableOfType(ServerException.class, () -> plain.health().check());

    assertThat(e.attempts()).isEqualTo(3);
  }

  @Test
  void maxAttemptsOneTurnsRetriesOff(WireMockRuntimeInfo wm) {
    respond(wm, json(503, "{}"));
    PortalApiClient once = TestClients.builder(wm).maxAttempts(1).build();

    catchThrowableOfType(ServerException.class, () -> once.health().check());

    assertThat(received(wm)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {
        "CONNECTION_RESET_BY_PEER",
        "EMPTY_RESPONSE",
        "MALFORMED_RESPONSE_CHUNK",
        "RANDOM_DATA_THEN_CLOSE"
      })
  void ioFailureIsRetriedForIdempotentRequests(Fault fault, WireMockRuntimeInfo wm) {
    respond(wm, aResponse().withFault(fault));

    TransportException e =
        catchThrowableOfType(
            TransportException.class,
            () -> executor.execute(call(Endpoints.USER_UPDATE), Map.class));

    assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
    assertThat(e.status()).isZero();
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e).hasMessageContaining("[PUT /users/id_1, attempts=3]");
    assertThat(received(wm)).hasSize(3);
    assertThat(sleeper.waits()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
  void ioFailureOfAGetIsRetriedAndTheJdkMayResendItOnceMorePerAttempt(
      Fault fault, WireMockRuntimeInfo wm) {
    respond(wm, aResponse().withFault(fault));

    TransportException e =
        catchThrowableOfType(
            TransportException.class,
            () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(sleeper.waits()).hasSize(2);
    assertThat(received(wm)).hasSizeBetween(3, 6);
  }

  @Test
  void bodyBreakingOffAfterTheStatusIsRetriedForAGet(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("cut")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))
                .willSetStateTo("whole"));
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("cut")
                .whenScenarioStateIs("whole")
                .willReturn(json(200, "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));

    Map<String, Object> user = executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class);

    assertThat(user).containsEntry("id", "usr_1");
    assertThat(received(wm)).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK"})
  void ioFailureIsNotRetriedForAPostWithoutIdempotencyKey(Fault fault, WireMockRuntimeInfo wm) {
    respond(wm, aResponse().withFault(fault));

    TransportException e =
        catchThrowableOfType(
            TransportException.class,
            () -> executor.execute(call(Endpoints.USER_CREATE), Map.class));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(received(wm)).hasSize(1);
  }

  @Test
  void responseSlowerThanTheTimeoutIsRetriedForGetAndNotForPost(WireMockRuntimeInfo wm) {
    respond(wm, json(200, "{\"success\":true,\"data\":{}}").withFixedDelay(400));

    RequestOptions shortTimeout = RequestOptions.builder().timeout(Duration.ofMillis(150)).build();

    TransportException get =
        catchThrowableOfType(
            TransportException.class,
            () ->
                executor.execute(call(Endpoints.USER_FIND_BY_ID).options(shortTimeout), Map.class));
    TransportException post =
        catchThrowableOfType(
            TransportException.class,
            () -> executor.execute(call(Endpoints.USER_CREATE).options(shortTimeout), Map.class));

    assertThat(get.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    assertThat(get.attempts()).isEqualTo(3);
    assertThat(get).hasMessageContaining("no response within 150 ms");
    assertThat(post.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    assertThat(post.attempts()).isEqualTo(1);
    awaitReceived(wm, 4);
  }

  @Test
  void bodyThatStallsPastTheTimeoutIsATimeoutAndIsRetriedForAGet(WireMockRuntimeInfo wm) {
    respond(
        wm,
        json(
                200,
                "{\"success\":true,\"data\":{\"id\":\"usr_1\",\"padding\":\""
                    + "x".repeat(200)
                    + "\"}}")
            .withChunkedDribbleDelay(10, 1000));
    RequestOptions shortTimeout = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();

    TransportException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                catchThrowableOfType(
                    TransportException.class,
                    () ->
                        executor.execute(
                            call(Endpoints.USER_FIND_BY_ID).options(shortTimeout), Map.class)));

    assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
    assertThat(e).hasMessageContaining("no complete response within 300 ms");
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(sleeper.waits()).hasSize(2);
    awaitReceived(wm, 3);
  }

  @Test
  void streamedDownloadIsNotCutOffByTheTimeout(WireMockRuntimeInfo wm) throws Exception {
    byte[] content = "y".repeat(100).getBytes(StandardCharsets.US_ASCII);
    respond(
        wm,
        aResponse()
            .withHeader("Content-Type", "application/octet-stream")
            .withBody(content)
            .withChunkedDribbleDelay(5, 600));
    RequestOptions shortTimeout = RequestOptions.builder().timeout(Duration.ofMillis(300)).build();

    try (var response =
            executor.executeStreaming(
                Call.to(Endpoints.FILES_DOWNLOAD).path("id", "f1").options(shortTimeout));
        var in = response.body()) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void perCallTimeoutReplacesTheClientTimeout(WireMockRuntimeInfo wm) {
    respond(wm, json(200, "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}").withFixedDelay(300));

    Map<String, Object> user =
        executor.execute(
            call(Endpoints.USER_FIND_BY_ID)
                .options(RequestOptions.builder().timeout(Duration.ofSeconds(3)).build()),
            Map.class);

    assertThat(user).containsEntry("id", "usr_1");
    assertThat(received(wm)).hasSize(1);
  }

  @Test
  void connectionRefusedIsATransportExceptionOfKindConnect() {
    PortalApiClient nowhere =
        PortalApiClient.builder().apiUrl("http://127.0.0.1:1").sleeper(sleeper).build();

    TransportException e =
        catchThrowableOfType(TransportException.class, () -> nowhere.health().check());

    assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
    assertThat(e.attempts()).isEqualTo(3);
  }

  @Test
  void oneShotBodyIsNeverRetriedEvenWithAnIdempotencyKey(WireMockRuntimeInfo wm) {
    respond(wm, json(503, "{}"));
    AtomicInteger opened = new AtomicInteger();
    RequestBody oneShot =
        RequestBody.of(
            () -> {
              opened.incrementAndGet();
              return new ByteArrayInputStream("%PDF-1.7 …".getBytes(StandardCharsets.UTF_8));
            },
            -1,
            "application/pdf",
            false);

    ServerException e =
        catchThrowableOfType(
            ServerException.class,
            () ->
                executor.execute(
                    Call.to(Endpoints.FILES_UPLOAD)
                        .body(oneShot)
                        .options(RequestOptions.builder().idempotencyKey("upload-1").build()),
                    Map.class));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(received(wm)).hasSize(1);
    assertThat(opened).hasValue(1);
  }

  @Test
  void repeatableStreamBodyIsReopenedForEachAttempt(WireMockRuntimeInfo wm) {
    respond(wm, json(503, "{}"));
    AtomicInteger opened = new AtomicInteger();
    RequestBody repeatable =
        RequestBody.of(
            () -> {
              opened.incrementAndGet();
              return new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8));
            },
            3,
            "text/plain",
            true);

    catchThrowableOfType(
        ServerException.class,
        () ->
            executor.execute(
                Call.to(Endpoints.FILES_UPLOAD)
                    .body(repeatable)
                    .options(RequestOptions.builder().idempotencyKey("upload-2").build()),
                Map.class));

    assertThat(received(wm))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.getBodyAsString()).isEqualTo("abc"));
    assertThat(opened).hasValue(3);
  }

  // 429

  private void expectRetryAfter429(
      WireMockRuntimeInfo wm, ResponseDefinitionBuilder tooMany, Duration expectedWait) {
    expectRetryAfter429(wm, Endpoints.USER_FIND_BY_ID, tooMany, expectedWait);
  }

  private void expectRetryAfter429(
      WireMockRuntimeInfo wm,
      Endpoint endpoint,
      ResponseDefinitionBuilder tooMany,
      Duration expectedWait) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(tooMany)
                .willSetStateTo("ok"));
    wm.getWireMock()
        .register(
            any(anyUrl())
                .inScenario("limited")
                .whenScenarioStateIs("ok")
                .willReturn(json(200, "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));

    Map<String, Object> user = executor.execute(call(endpoint), Map.class);

    assertThat(user).containsEntry("id", "usr_1");
    assertThat(sleeper.waits()).containsExactly(expectedWait);
    assertThat(received(wm)).hasSize(2);
  }

  @Test
  void rateLimitWaitsForRetryAfterMsAtTheTopLevel(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        json(
                429,
                """
        {"success":false,"retry_after_ms":1500,"error":{"code":"RATE_LIMITED","message":"Too many requests"}}""")
            .withHeader("Retry-After", "30"),
        Duration.ofMillis(1500));
  }

  @Test
  void rateLimitWaitsForRetryAfterMsInErrorDetails(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        json(
                429,
                """
        {"success":false,"error":{"code":"RATE_LIMITED","message":"Too many requests",
         "details":{"retry_after_ms":2500,"limit":100}}}""")
            .withHeader("Retry-After", "30"),
        Duration.ofMillis(2500));
  }

  @Test
  void rateLimitWaitsForRetryAfterInSeconds(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        json(429, RATE_LIMITED)
            .withHeader("Retry-After", "7")
            .withHeader(
                "X-RateLimit-Reset",
                String.valueOf(clock.instant().plusSeconds(40).getEpochSecond())),
        Duration.ofSeconds(7));
  }

  @Test
  void rateLimitWaitsUntilTheRetryAfterHttpDate(WireMockRuntimeInfo wm) {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
    expectRetryAfter429(
        wm, json(429, RATE_LIMITED).withHeader("Retry-After", date), Duration.ofSeconds(12));
  }

  @Test
  void rateLimitWaitsUntilTheRateLimitReset(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        json(429, RATE_LIMITED)
            .withHeader("X-RateLimit-Limit", "100")
            .withHeader("X-RateLimit-Remaining", "0")
            .withHeader(
                "X-RateLimit-Reset",
                String.valueOf(clock.instant().plusSeconds(20).getEpochSecond())),
        Duration.ofSeconds(20));
  }

  @Test
  void rateLimitResetAloneIsEnough(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        json(429, RATE_LIMITED)
            .withHeader(
                "X-RateLimit-Reset",
                String.valueOf(clock.instant().plusSeconds(9).getEpochSecond())),
        Duration.ofSeconds(9));
  }

  @Test
  void rateLimitResetInThePastMeansRetryAtOnce(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        json(429, RATE_LIMITED)
            .withHeader(
                "X-RateLimit-Reset",
                String.valueOf(clock.instant().minusSeconds(5).getEpochSecond())),
        Duration.ZERO);
  }

  @Test
  void rateLimitWithoutAHintBacksOff(WireMockRuntimeInfo wm) {
    respond(wm, json(429, RATE_LIMITED));

    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(sleeper.waits())
        .hasSize(2)
        .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
  }

  @Test
  void rateLimitAskingForMoreThanTheMaximumWaitFailsAtOnceCarryingRetryAfter(
      WireMockRuntimeInfo wm) {
    respond(
        wm,
        json(429, RATE_LIMITED)
            .withHeader("Retry-After", "61")
            .withHeader("X-RateLimit-Limit", "100")
            .withHeader("X-RateLimit-Remaining", "0"));

    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(61));
    assertThat(e.rateLimit()).hasValueSatisfying(limit -> assertThat(limit.remaining()).isZero());
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.requestId()).isEqualTo("req_429");
    assertThat(e).hasMessageContaining("asked to wait 61000 ms, more than the allowed 60000 ms");
    assertThat(sleeper.waits()).isEmpty();
    assertThat(received(wm)).hasSize(1);
  }

  @Test
  void maximumRateLimitWaitIsConfigurable(WireMockRuntimeInfo wm) {
    respond(wm, json(429, RATE_LIMITED).withHeader("Retry-After", "3"));
    RequestExecutor strict =
        TestClients.executor(
            TestClients.builder(wm)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.DEFAULT.withMaxRateLimitWait(Duration.ofSeconds(2)))
                .build());

    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () -> strict.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(received(wm)).hasSize(1);
  }

  @Test
  void persistentRateLimitEndsInRateLimitExceptionAfterTheAttempts(WireMockRuntimeInfo wm) {
    respond(wm, json(429, RATE_LIMITED).withHeader("Retry-After", "1"));

    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void rateLimitedPostIsRetriedBecauseItWasNotProcessed(WireMockRuntimeInfo wm) {
    expectRetryAfter429(
        wm,
        Endpoints.USER_CREATE,
        json(429, RATE_LIMITED).withHeader("Retry-After", "2"),
        Duration.ofSeconds(2));
  }

  @Test
  void serverErrorWithRetryAfterWaitsAsAsked(WireMockRuntimeInfo wm) {
    respond(wm, json(503, "{}").withHeader("Retry-After", "4"));

    catchThrowableOfType(
        ServerException.class, () -> executor.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  // backoff

  @Test
  void backoffCapDoublesFromTheInitialBackoffUpToTheMaximum() {
    RetryPolicy policy =
        RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(100), Duration.ofMillis(300));

    assertThat(policy.backoffCap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffCap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffCap(3)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.backoffCap(40)).isEqualTo(Duration.ofMillis(300));
    assertThat(RetryPolicy.DEFAULT.backoffCap(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(RetryPolicy.DEFAULT.backoffCap(100)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void backoffIsExponentialWithFullJitterWithinTheCap(WireMockRuntimeInfo wm) {
    respond(wm, json(503, "{}"));
    RequestExecutor jittery =
        TestClients.executor(
            TestClients.builder(wm)
                .sleeper(sleeper)
                .retryPolicy(
                    new RetryPolicy(
                        4, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(60)))
                .build());
    int calls = 40;

    for (int i = 0; i < calls; i++) {
      catchThrowableOfType(
          ServerException.class, () -> jittery.execute(call(Endpoints.USER_FIND_BY_ID), Map.class));
    }

    List<Duration> waits = sleeper.waits();
    assertThat(waits).hasSize(calls * 3);
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    List<Long> third = new ArrayList<>();
    for (int i = 0; i < waits.size(); i += 3) {
      first.add(waits.get(i).toMillis());
      second.add(waits.get(i + 1).toMillis());
      third.add(waits.get(i + 2).toMillis());
    }
    assertThat(first).allSatisfy(w -> assertThat(w).isBetween(0L, 100L));
    assertThat(second).allSatisfy(w -> assertThat(w).isBetween(0L, 200L));
    assertThat(third).allSatisfy(w -> assertThat(w).isBetween(0L, 300L));
    // grows: later retries may wait longer than the first cap (all 40 under it has odds of 2^-40)
    assertThat(second.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(100L);
    assertThat(third.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(200L);
    // full jitter: spread over the range, not a fixed value
    assertThat(new HashSet<>(first)).hasSizeGreaterThan(10);
    assertThat(first.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(50L);
  }
}
