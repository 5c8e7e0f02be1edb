package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.TransportException.Kind;
import com.winwinmbs.portal.api.observation.PortalObservationContext;
import com.winwinmbs.portal.api.testing.MutableClock;
import com.winwinmbs.portal.api.testing.RecordingSleeper;
import com.winwinmbs.portal.api.testing.TestClients;
import com.winwinmbs.portal.api.workflow.TaskDecision;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every kind of failure the portal or the network can produce, against a read
 * ({@code GET}), a request that records an event ({@code POST} without an {@code Idempotency-Key})
 * and the same {@code POST} with one. Each row says how the call ends (a typed exception or a
 * retried success), how many attempts the client counts, and how many requests reached the server.
 *
 * <p>The rules the table proves: a {@code POST} without a key is sent exactly once whatever breaks,
 * because a second one could record the event twice; a {@code GET} or a keyed {@code POST} is tried
 * up to three times; a 429 is retried for every method, because the portal did not run the request;
 * a 429 asking for more than {@link RetryPolicy#maxRateLimitWait()} fails at once.
 *
 * <p>The JDK {@code HttpClient} sends a {@code GET} once more on its own when the connection closes
 * before any byte of a response arrived, so those two rows allow up to six requests for three
 * attempts; it never does so for a {@code POST}.
 */
@WireMockTest
class FaultMatrixTests {

  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration SLOW_DELAY = Duration.ofMillis(1500);
  private static final String IDEMPOTENCY_KEY = "approve-tsk_1-7c1e";
  private static final String OK =
      """
      {"success":true,"data":{"id":"obj_1"}}""";
  private static final String UNAVAILABLE =
      """
      {"success":false,"error":{"code":"SERVICE_UNAVAILABLE","message":"Try again later"}}""";
  private static final String RATE_LIMITED =
      """
      {"success":false,"error":{"code":"RATE_LIMITED","message":"Too many requests"}}""";

  private final MutableClock clock = MutableClock.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final TestObservationRegistry registry = TestObservationRegistry.create();
  private final List<PortalObservationContext> observed = new CopyOnWriteArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void observe() {
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onStart(Observation.Context context) {
                observed.add((PortalObservationContext) context);
              }

              @Override
              public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(event.getName());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return context instanceof PortalObservationContext;
              }
            });
  }

  /** What the server does to each attempt. */
  enum Failure {
    CONNECTION_RESET(
        "connection reset by peer", stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
    EMPTY_RESPONSE(
        "connection closed, no response", stub(aResponse().withFault(Fault.EMPTY_RESPONSE))),
    MALFORMED_CHUNK(
        "200, then a malformed body chunk",
        stub(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))),
    RANDOM_DATA(
        "garbage instead of HTTP, then close",
        stub(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE))),
    SLOWER_THAN_TIMEOUT(
        "answer slower than the 500 ms timeout",
        stub(ok().withFixedDelay((int) SLOW_DELAY.toMillis()))),
    UNAVAILABLE_ALWAYS("503 on every attempt", stub(json(503, UNAVAILABLE))),
    UNAVAILABLE_ONCE("503, then 200", once(json(503, UNAVAILABLE))),
    RATE_LIMITED_RETRY_AFTER_MS(
        "429 retry_after_ms=1500 in the body, then 200",
        once(
            json(
                429,
                """
                {"success":false,"retry_after_ms":1500,
                 "error":{"code":"RATE_LIMITED","message":"Too many requests"}}"""))),
    RATE_LIMITED_RETRY_AFTER(
        "429 Retry-After: 7, then 200",
        once(json(429, RATE_LIMITED).withHeader("Retry-After", "7"))),
    RATE_LIMITED_RESET(
        "429 X-RateLimit-Reset now+20 s, then 200",
        (wm, clock) ->
            once(json(429, RATE_LIMITED)
                    .withHeader(
                        "X-RateLimit-Reset",
                        String.valueOf(clock.instant().plusSeconds(20).getEpochSecond())))
                .accept(wm, clock)),
    RATE_LIMITED_TOO_LONG(
        "429 Retry-After: 61 (more than maxRateLimitWait 60 s)",
        stub(json(429, RATE_LIMITED).withHeader("Retry-After", "61")));

    final String description;
    final BiConsumer<WireMock, MutableClock> stubs;

    Failure(String description, BiConsumer<WireMock, MutableClock> stubs) {
      this.description = description;
      this.stubs = stubs;
    }

    Duration clientTimeout() {
      // only the timeout row runs with a short timeout: under load a healthy answer must not time
      // out
      return this == SLOWER_THAN_TIMEOUT ? SHORT_TIMEOUT : Duration.ofSeconds(10);
    }

    Duration settle() {
      // a delayed answer is recorded by the server once written: wait that long after the call
      return this == SLOWER_THAN_TIMEOUT ? SLOW_DELAY.plusMillis(700) : Duration.ofMillis(200);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** The three kinds of request. */
  enum Request {
    GET("GET user findById"),
    POST("POST workflow approve"),
    POST_WITH_KEY("POST workflow approve + Idempotency-Key");

    final String description;

    Request(String description) {
      this.description = description;
    }

    Object send(PortalApiClient portal) {
      return switch (this) {
        case GET -> portal.user().findById("usr_1");
        case POST -> portal.workflow().approve("tsk_1", new TaskDecision("LGTM", null));
        case POST_WITH_KEY ->
            portal
                .workflow()
                .withOptions(RequestOptions.builder().idempotencyKey(IDEMPOTENCY_KEY).build())
                .approve("tsk_1", new TaskDecision("LGTM", null));
      };
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /**
   * How the call ends: {@code type} null for a success; {@code kind} for a transport failure;
   * {@code waits} the exact waits when the portal named them, else null (jittered backoff).
   */
  record Outcome(
      @Nullable Class<? extends PortalApiException> type,
      @Nullable Kind kind,
      @Nullable List<Duration> waits) {

    @Override
    public String toString() {
      if (type == null) {
        return "success";
      }
      return type.getSimpleName() + (kind == null ? "" : " " + kind);
    }
  }

  private static Outcome success() {
    return new Outcome(null, null, null);
  }

  private static Outcome success(Duration wait) {
    return new Outcome(null, null, List.of(wait));
  }

  private static Outcome transport(Kind kind) {
    return new Outcome(TransportException.class, kind, null);
  }

  private static Outcome thrown(Class<? extends PortalApiException> type) {
    return new Outcome(type, null, null);
  }

  private static Arguments row(
      Failure failure,
      Request request,
      Outcome outcome,
      int attempts,
      int minRequests,
      int maxRequests) {
    return Arguments.of(failure, request, outcome, attempts, minRequests, maxRequests);
  }

  private static Arguments row(
      Failure failure, Request request, Outcome outcome, int attempts, int requests) {
    return row(failure, request, outcome, attempts, requests, requests);
  }

  static Stream<Arguments> matrix() {
    Outcome io = transport(Kind.IO);
    Outcome timeout = transport(Kind.TIMEOUT);
    Outcome serverError = thrown(ServerException.class);
    Outcome rateLimited = thrown(RateLimitException.class);
    Duration ms1500 = Duration.ofMillis(1500);
    Duration s7 = Duration.ofSeconds(7);
    Duration s20 = Duration.ofSeconds(20);
    return Stream.of(
        // fault, request, outcome, attempts counted, requests sent (exactly, or min and max)
        row(Failure.CONNECTION_RESET, Request.GET, io, 3, 3, 6), // JDK resends a GET
        row(Failure.CONNECTION_RESET, Request.POST, io, 1, 1),
        row(Failure.CONNECTION_RESET, Request.POST_WITH_KEY, io, 3, 3),
        row(Failure.EMPTY_RESPONSE, Request.GET, io, 3, 3, 6), // JDK resends a GET
        row(Failure.EMPTY_RESPONSE, Request.POST, io, 1, 1),
        row(Failure.EMPTY_RESPONSE, Request.POST_WITH_KEY, io, 3, 3),
        row(Failure.MALFORMED_CHUNK, Request.GET, io, 3, 3),
        row(Failure.MALFORMED_CHUNK, Request.POST, io, 1, 1),
        row(Failure.MALFORMED_CHUNK, Request.POST_WITH_KEY, io, 3, 3),
        row(Failure.RANDOM_DATA, Request.GET, io, 3, 3),
        row(Failure.RANDOM_DATA, Request.POST, io, 1, 1),
        row(Failure.RANDOM_DATA, Request.POST_WITH_KEY, io, 3, 3),
        row(Failure.SLOWER_THAN_TIMEOUT, Request.GET, timeout, 3, 3),
        row(Failure.SLOWER_THAN_TIMEOUT, Request.POST, timeout, 1, 1),
        row(Failure.SLOWER_THAN_TIMEOUT, Request.POST_WITH_KEY, timeout, 3, 3),
        row(Failure.UNAVAILABLE_ALWAYS, Request.GET, serverError, 3, 3),
        row(Failure.UNAVAILABLE_ALWAYS, Request.POST, serverError, 1, 1),
        row(Failure.UNAVAILABLE_ALWAYS, Request.POST_WITH_KEY, serverError, 3, 3),
        row(Failure.UNAVAILABLE_ONCE, Request.GET, success(), 2, 2),
        row(Failure.UNAVAILABLE_ONCE, Request.POST, serverError, 1, 1),
        row(Failure.UNAVAILABLE_ONCE, Request.POST_WITH_KEY, success(), 2, 2),
        row(Failure.RATE_LIMITED_RETRY_AFTER_MS, Request.GET, success(ms1500), 2, 2),
        row(Failure.RATE_LIMITED_RETRY_AFTER_MS, Request.POST, success(ms1500), 2, 2),
        row(Failure.RATE_LIMITED_RETRY_AFTER_MS, Request.POST_WITH_KEY, success(ms1500), 2, 2),
        row(Failure.RATE_LIMITED_RETRY_AFTER, Request.GET, success(s7), 2, 2),
        row(Failure.RATE_LIMITED_RETRY_AFTER, Request.POST, success(s7), 2, 2),
        row(Failure.RATE_LIMITED_RETRY_AFTER, Request.POST_WITH_KEY, success(s7), 2, 2),
        row(Failure.RATE_LIMITED_RESET, Request.GET, success(s20), 2, 2),
        row(Failure.RATE_LIMITED_RESET, Request.POST, success(s20), 2, 2),
        row(Failure.RATE_LIMITED_RESET, Request.POST_WITH_KEY, success(s20), 2, 2),
        row(Failure.RATE_LIMITED_TOO_LONG, Request.GET, rateLimited, 1, 1),
        row(Failure.RATE_LIMITED_TOO_LONG, Request.POST, rateLimited, 1, 1),
        row(Failure.RATE_LIMITED_TOO_LONG, Request.POST_WITH_KEY, rateLimited, 1, 1));
  }

  @ParameterizedTest(name = "{0} | {1} -> {2}, attempts={3}, requests={4}..{5}")
  @MethodSource("matrix")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void faultEndsInTheTypedExceptionOrARetriedSuccessOfTheMatrix(
      Failure failure,
      Request request,
      Outcome outcome,
      int attempts,
      int minRequests,
      int maxRequests,
      WireMockRuntimeInfo wm) {
    failure.stubs.accept(wm.getWireMock(), clock);
    PortalApiClient portal =
        TestClients.builder(wm)
            .timeout(failure.clientTimeout())
            .clock(clock)
            .sleeper(sleeper)
            .observationRegistry(registry)
            .build();

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> catchThrowable(() -> request.send(portal)));
    long ended = System.nanoTime();

    // the exception
    if (outcome.type() == null) {
      assertThat(thrown).as("a retried success").isNull();
    } else {
      assertThat(thrown).isExactlyInstanceOf(outcome.type());
      PortalApiException e = (PortalApiException) thrown;
      assertThat(e.attempts()).as("attempts()").isEqualTo(attempts);
      if (attempts > 1) {
        assertThat(e).hasMessageContaining(", attempts=" + attempts + "]");
      } else {
        assertThat(e).hasMessageNotContaining("attempts=");
      }
      if (outcome.kind() != null) {
        assertThat(((TransportException) e).kind()).isEqualTo(outcome.kind());
        assertThat(e.status()).isZero();
      }
      // a failure the request was not retried for because of its method says so
      String notRetried = "(not retried: POST is not idempotent and carries no Idempotency-Key)";
      if (request == Request.POST && !(e instanceof RateLimitException)) {
        assertThat(e).hasMessageContaining(notRetried);
      } else {
        assertThat(e).hasMessageNotContaining("not retried");
      }
      if (e instanceof RateLimitException limited) {
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(61));
        assertThat(e)
            .hasMessageContaining("asked to wait 61000 ms, more than the allowed 60000 ms");
      }
    }

    // the observation: one per logical call, one retries event per retry
    TestObservationRegistryAssert.assertThat(registry)
        .hasNumberOfObservationsWithNameEqualTo("portal.api.client.requests", 1);
    assertThat(observed)
        .singleElement()
        .satisfies(c -> assertThat(c.attempts()).isEqualTo(attempts));
    assertThat(events).filteredOn("retries"::equals).hasSize(attempts - 1);
    if (thrown != null) {
      TestObservationRegistryAssert.assertThat(registry)
          .hasObservationWithNameEqualTo("portal.api.client.requests")
          .that()
          .hasError(thrown);
    }

    // the waits: as the portal asked, else jittered backoff within the policy's caps
    List<Duration> waits = sleeper.waits();
    if (outcome.waits() != null) {
      assertThat(waits).isEqualTo(outcome.waits());
    } else {
      assertThat(waits).hasSize(attempts - 1);
      for (int i = 0; i < waits.size(); i++) {
        assertThat(waits.get(i)).isBetween(Duration.ZERO, RetryPolicy.DEFAULT.backoffCap(i + 1));
      }
    }

    // the wire
    List<LoggedRequest> received = awaitReceived(wm, minRequests, ended, failure.settle());
    assertThat(received.size()).as("requests sent").isBetween(minRequests, maxRequests);
    if (request == Request.POST_WITH_KEY) {
      assertThat(received)
          .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(IDEMPOTENCY_KEY));
    } else {
      assertThat(received)
          .allSatisfy(r -> assertThat(r.containsHeader("Idempotency-Key")).isFalse());
    }
  }

  /**
   * The requests the server received, once it has recorded at least {@code count} and {@code
   * settle} has passed since the call ended: a delayed answer is recorded only once written, so a
   * request sent late (one too many) would otherwise go unseen, or land in the next test.
   */
  private static List<LoggedRequest> awaitReceived(
      WireMockRuntimeInfo wm, int count, long ended, Duration settle) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long settled = ended + settle.toNanos();
    while ((received(wm).size() < count && System.nanoTime() < deadline)
        || System.nanoTime() < settled) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return received(wm);
  }

  @Test
  void tokenSourceThatFailsBeforeTheFirstRequestCountsNoAttempt(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(anyUrl()).willReturn(ok()));
    PortalApiClient portal =
        TestClients.builder(wm)
            .tokenSource(
                TokenSource.fromSupplier(
                    () -> {
                      throw new IllegalStateException("the vault is sealed");
                    }))
            .observationRegistry(registry)
            .build();

    Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

    assertThat(thrown).isInstanceOf(TokenException.class);
    assertThat(((PortalApiException) thrown).attempts()).isZero();
    assertThat(observed)
        .as("the observation agrees with the exception: nothing was sent")
        .singleElement()
        .satisfies(c -> assertThat(c.attempts()).isZero());
    assertThat(received(wm)).isEmpty();
  }

  private static List<LoggedRequest> received(WireMockRuntimeInfo wm) {
    return wm.getWireMock().find(anyRequestedFor(anyUrl()));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder ok() {
    return json(200, OK);
  }

  /** Every attempt gets this response. */
  private static BiConsumer<WireMock, MutableClock> stub(ResponseDefinitionBuilder response) {
    return (wm, clock) -> wm.register(any(anyUrl()).willReturn(response));
  }

  /** The first attempt gets this response, every later one a 200. */
  private static BiConsumer<WireMock, MutableClock> once(ResponseDefinitionBuilder first) {
    return (wm, clock) -> {
      wm.register(
          any(anyUrl())
              .inScenario("once")
              .whenScenarioStateIs(STARTED)
              .willReturn(first)
              .willSetStateTo("recovered"));
      wm.register(
          any(anyUrl()).inScenario("once").whenScenarioStateIs("recovered").willReturn(ok()));
    };
  }
}
