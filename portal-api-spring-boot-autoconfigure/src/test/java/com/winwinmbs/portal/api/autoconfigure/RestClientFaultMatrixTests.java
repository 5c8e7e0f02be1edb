package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.todo.Todo;
import com.winwinmbs.portal.api.todo.TodoApi;
import com.winwinmbs.portal.api.todo.TodoCreateRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every fault the portal's connection can show, for a read, a write without an {@code
 * Idempotency-Key} and a write with one, through the auto-configured client on {@link
 * RestClientPortalTransport}: each ends in a typed exception or a correct retry, a write without a
 * key is never sent again once the portal may have acted on it, and the attempts show in the
 * exception and in the metrics.
 */
@WireMockTest
class RestClientFaultMatrixTests {

  private static final String TODO_BODY =
      "{\"success\":true,\"data\":{\"id\":\"t-1\",\"title\":\"Call back\",\"tags\":[]}}";

  private static final String UNAVAILABLE_BODY =
      "{\"success\":false,\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\"}}";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  RestClientObservationAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class))
          .withBean(SimpleMeterRegistry.class);

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
  }

  /**
   * One row per fault and call: the outcome ({@code ok} or the exception's simple name), the
   * transport failure's kind where there is one, the attempts the client made and the requests the
   * portal received.
   */
  @ParameterizedTest(name = "{0} on {1} -> {2} {3}, {4} attempts, {5} requests")
  @CsvSource(
      delimiter = '|',
      value = {
        // fault                | call          | outcome             | kind    | attempts |
        // requests
        // the JDK HttpClient itself sends a GET once more when the connection closes before any
        // response byte, so a read reaches the portal twice per attempt; a POST never does
        "CONNECTION_RESET       | GET           | TransportException  | IO      | 3        | 6",
        "CONNECTION_RESET       | POST          | TransportException  | IO      | 1        | 1",
        "CONNECTION_RESET       | POST_WITH_KEY | TransportException  | IO      | 3        | 3",
        "EMPTY_RESPONSE         | GET           | TransportException  | IO      | 3        | 6",
        "EMPTY_RESPONSE         | POST          | TransportException  | IO      | 1        | 1",
        "EMPTY_RESPONSE         | POST_WITH_KEY | TransportException  | IO      | 3        | 3",
        "MALFORMED_CHUNK        | GET           | TransportException  | IO      | 3        | 3",
        "MALFORMED_CHUNK        | POST          | TransportException  | IO      | 1        | 1",
        "MALFORMED_CHUNK        | POST_WITH_KEY | TransportException  | IO      | 3        | 3",
        "RANDOM_DATA_THEN_CLOSE | GET           | TransportException  | IO      | 3        | 3",
        "RANDOM_DATA_THEN_CLOSE | POST          | TransportException  | IO      | 1        | 1",
        "RANDOM_DATA_THEN_CLOSE | POST_WITH_KEY | TransportException  | IO      | 3        | 3",
        "SLOWER_THAN_TIMEOUT    | GET           | TransportException  | TIMEOUT | 3        | 3",
        "SLOWER_THAN_TIMEOUT    | POST          | TransportException  | TIMEOUT | 1        | 1",
        "SLOWER_THAN_TIMEOUT    | POST_WITH_KEY | TransportException  | TIMEOUT | 3        | 3",
        "UNAVAILABLE            | GET           | ServerException     |         | 3        | 3",
        "UNAVAILABLE            | POST          | ServerException     |         | 1        | 1",
        "UNAVAILABLE            | POST_WITH_KEY | ServerException     |         | 3        | 3",
        "UNAVAILABLE_THEN_OK    | GET           | ok                  |         | 2        | 2",
        "UNAVAILABLE_THEN_OK    | POST          | ServerException     |         | 1        | 1",
        "UNAVAILABLE_THEN_OK    | POST_WITH_KEY | ok                  |         | 2        | 2",
        // a 429 is a refusal before any work, so even a write without a key is sent again
        "RATE_LIMITED_THEN_OK   | GET           | ok                  |         | 2        | 2",
        "RATE_LIMITED_THEN_OK   | POST          | ok                  |         | 2        | 2",
        "RATE_LIMITED_THEN_OK   | POST_WITH_KEY | ok                  |         | 2        | 2",
        "RATE_LIMITED_TOO_LONG  | GET           | RateLimitException  |         | 1        | 1",
        "RATE_LIMITED_TOO_LONG  | POST          | RateLimitException  |         | 1        | 1",
        "RATE_LIMITED_TOO_LONG  | POST_WITH_KEY | RateLimitException  |         | 1        | 1",
      })
  @Timeout(30)
  void faultEndsInATypedExceptionOrACorrectRetry(
      PortalFault fault,
      PortalCall call,
      String outcome,
      TransportException.Kind kind,
      int attempts,
      int requests) {
    fault.stub(this.wm.getWireMock(), call.stub());
    portal(fault)
        .run(
            (context) -> {
              assertThat(context.getBean(PortalTransport.class))
                  .isInstanceOf(RestClientPortalTransport.class);
              TodoApi todos = context.getBean(TodoApi.class);

              Throwable failure = catchThrowable(() -> call.send(todos));

              if (outcome.equals("ok")) {
                assertThat(failure).as("the call succeeds after the retry").isNull();
              } else {
                assertThat(failure)
                    .isInstanceOf(PortalApiException.class)
                    .extracting((ex) -> ex.getClass().getSimpleName())
                    .isEqualTo(outcome);
                assertThat(((PortalApiException) failure).attempts())
                    .as("attempts() of %s", failure)
                    .isEqualTo(attempts);
                if (kind != null) {
                  assertThat(((TransportException) failure).kind()).isEqualTo(kind);
                }
                assertThat(failure.getMessage()).contains(call.method()).contains("/todos");
              }
              assertThat(received())
                  .as("requests the portal received")
                  .hasSize(requests)
                  .allSatisfy(
                      (request) ->
                          assertThat(request.getMethod().getName()).isEqualTo(call.method()));
              if (call == PortalCall.POST_WITH_KEY) {
                assertThat(received())
                    .extracting((request) -> request.getHeader("Idempotency-Key"))
                    .containsOnly("todo-42");
              }

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(retries(meters)).as("the retries counter").isEqualTo(attempts - 1);
              Timer timer =
                  meters
                      .find("portal.api.client.requests")
                      .tag("method", call.method())
                      .tag("error", outcome.equals("ok") ? "none" : outcome)
                      .timer();
              assertThat(timer).as("the timer tagged with the outcome").isNotNull();
              assertThat(timer.count()).as("one logical call").isEqualTo(1);
            });
  }

  private ApplicationContextRunner portal(PortalFault fault) {
    // a short timeout only where the portal is slow, so a loaded machine does not time out the rest
    String timeout = (fault == PortalFault.SLOWER_THAN_TIMEOUT) ? "300ms" : "5s";
    return this.runner.withPropertyValues(
        "portal.api.base-url=" + this.wm.getHttpBaseUrl(),
        "portal.api.http-client=rest-client",
        "portal.api.timeout=" + timeout,
        "portal.api.retry.max-attempts=3",
        "portal.api.retry.initial-backoff=1ms",
        "portal.api.retry.max-backoff=5ms",
        "portal.api.retry.max-rate-limit-wait=1s");
  }

  private List<LoggedRequest> received() {
    return this.wm.getWireMock().find(anyRequestedFor(anyUrl()));
  }

  private static double retries(MeterRegistry meters) {
    Collection<Counter> counters = meters.find("portal.api.client.requests.retries").counters();
    return counters.stream().mapToDouble(Counter::count).sum();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder rateLimited(long retryAfterMillis) {
    return json(
        429,
        "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\","
            + "\"retry_after_ms\":"
            + retryAfterMillis
            + "}}");
  }

  /** What the portal does with the request. */
  enum PortalFault {
    CONNECTION_RESET(fault(Fault.CONNECTION_RESET_BY_PEER)),
    EMPTY_RESPONSE(fault(Fault.EMPTY_RESPONSE)),
    MALFORMED_CHUNK(fault(Fault.MALFORMED_RESPONSE_CHUNK)),
    RANDOM_DATA_THEN_CLOSE(fault(Fault.RANDOM_DATA_THEN_CLOSE)),
    SLOWER_THAN_TIMEOUT(always(json(200, TODO_BODY).withFixedDelay(1_500))),
    UNAVAILABLE(always(json(503, UNAVAILABLE_BODY))),
    UNAVAILABLE_THEN_OK(then(json(503, UNAVAILABLE_BODY))),
    RATE_LIMITED_THEN_OK(then(rateLimited(20))),
    RATE_LIMITED_TOO_LONG(always(rateLimited(120_000)));

    private final Stubber stubber;

    PortalFault(Stubber stubber) {
      this.stubber = stubber;
    }

    void stub(WireMock wireMock, Function<ResponseDefinitionBuilder, MappingBuilder> route) {
      this.stubber.stub(wireMock, route);
    }

    private static Stubber fault(Fault fault) {
      return always(aResponse().withFault(fault));
    }

    private static Stubber always(ResponseDefinitionBuilder response) {
      return (wireMock, route) -> wireMock.register(route.apply(response));
    }

    /** The response once, then the todo. */
    private static Stubber then(ResponseDefinitionBuilder first) {
      return (wireMock, route) -> {
        wireMock.register(
            route
                .apply(first)
                .inScenario("recovery")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered"));
        wireMock.register(
            route
                .apply(json(200, TODO_BODY))
                .inScenario("recovery")
                .whenScenarioStateIs("recovered"));
      };
    }
  }

  @FunctionalInterface
  interface Stubber {

    void stub(WireMock wireMock, Function<ResponseDefinitionBuilder, MappingBuilder> route);
  }

  /** The call the application makes. */
  enum PortalCall {
    GET {
      @Override
      Todo send(TodoApi todos) {
        return todos.findById("t-1");
      }

      @Override
      Function<ResponseDefinitionBuilder, MappingBuilder> stub() {
        return (response) -> WireMock.get(urlEqualTo("/todos/t-1")).willReturn(response);
      }
    },
    POST {
      @Override
      Todo send(TodoApi todos) {
        return todos.create(TodoCreateRequest.builder().title("Call back").build());
      }
    },
    POST_WITH_KEY {
      @Override
      Todo send(TodoApi todos) {
        return todos
            .withOptions(RequestOptions.builder().idempotencyKey("todo-42").build())
            .create(TodoCreateRequest.builder().title("Call back").build());
      }

      @Override
      Function<ResponseDefinitionBuilder, MappingBuilder> stub() {
        return (response) ->
            WireMock.post(urlEqualTo("/todos"))
                .withHeader("Idempotency-Key", equalTo("todo-42"))
                .willReturn(response);
      }
    };

    abstract Todo send(TodoApi todos);

    Function<ResponseDefinitionBuilder, MappingBuilder> stub() {
      return (response) -> WireMock.post(urlEqualTo("/todos")).willReturn(response);
    }

    String method() {
      return this == GET ? "GET" : "POST";
    }
  }
}
