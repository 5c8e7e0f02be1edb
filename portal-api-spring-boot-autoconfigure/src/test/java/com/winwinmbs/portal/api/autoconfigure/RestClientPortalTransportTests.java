package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.ClientSettings;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.web.client.RestClient;

/** {@link RestClientPortalTransport} over real HTTP. */
@WireMockTest
class RestClientPortalTransportTests {

  private static final String OK = "{\"success\":true,\"data\":{\"id\":\"u-1\"}}";

  private static final HttpClientSettings SETTINGS =
      HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void stubAnything(WireMockRuntimeInfo wm) {
    this.wm = wm;
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse().withHeader("Content-Type", "application/json").withBody(OK)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../admin | /users/..%2Fadmin",
        "a/b?c#d | /users/a%2Fb%3Fc%23d",
        ".. | /users/%2E%2E",
        "100% ü | /users/100%25%20%C3%BC",
        "{id} | /users/%7Bid%7D"
      })
  void pathVariableStaysInsideItsSegmentOnTheWire(String id, String path) {
    executor(transport(RestClient.builder()), ObservationRegistry.NOOP)
        .execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", id), Map.class);

    List<LoggedRequest> requests = this.wm.getWireMock().find(getRequestedFor(anyUrl()));
    assertThat(requests).singleElement().extracting(LoggedRequest::getUrl).isEqualTo(path);
  }

  @Test
  void queryIsSentAsTheClientEncodedIt() {
    executor(transport(RestClient.builder()), ObservationRegistry.NOOP)
        .execute(
            Call.to(Endpoints.USER_FIND_BY_ID)
                .path("id", "u-1")
                .query("include", "roles & perms")
                .query("x", "1/2"),
            Map.class);

    assertThat(this.wm.getWireMock().find(getRequestedFor(anyUrl())))
        .singleElement()
        .extracting(LoggedRequest::getUrl)
        .isEqualTo("/users/u-1?include=roles%20%26%20perms&x=1%2F2");
  }

  @Test
  void httpClientObservationCarriesTheUriTemplateNotThePath() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    RestClient.Builder builder = RestClient.builder().observationRegistry(registry);
    executor(transport(builder), registry)
        .execute(
            Call.to(Endpoints.USER_FIND_BY_ID).path("id", "u-42").query("include", "roles"),
            Map.class);

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("http.client.requests")
        .that()
        .hasLowCardinalityKeyValue("uri", "/users/{id}")
        .hasHighCardinalityKeyValue(
            "http.url", this.wm.getHttpBaseUrl() + "/users/u-42?include=roles");
    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("portal.api.client.requests")
        .that()
        .hasLowCardinalityKeyValue("uri", "/users/{id}");
  }

  @Test
  void uriTemplateKeepsTheBasePath() {
    TransportRequest request =
        request(
            Endpoints.USER_FIND_BY_ID,
            URI.create("https://portal.example.com/api/v2/users/a%2Fb"),
            Map.of("id", "a/b"),
            null);

    assertThat(RestClientPortalTransport.uriTemplate(request))
        .isEqualTo("https://portal.example.com/api/v2/users/{id}");
  }

  @Test
  void clientHeadersReachTheWire() {
    RequestExecutor executor =
        new RequestExecutor(
            new ClientSettings(
                this.wm.getHttpBaseUrl(),
                "",
                TokenSource.of("t0k3n"),
                "app_key",
                "tenant-1",
                Duration.ofSeconds(5),
                null,
                com.winwinmbs.portal.api.PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE,
                transport(RestClient.builder()),
                java.util.List.of(),
                RetryPolicy.NONE,
                ObservationRegistry.NOOP,
                null,
                "portal-api-java/test",
                false,
                Clock.systemUTC(),
                (d) -> {}));

    executor.execute(Call.to(Endpoints.HEALTH_CHECK), Map.class);

    this.wm
        .getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/health"))
                .withHeader("Authorization", equalTo("Bearer t0k3n"))
                .withHeader("X-API-Key", equalTo("app_key"))
                .withHeader("X-Tenant-Id", equalTo("tenant-1"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("portal-api-java/test")));
  }

  @Test
  void streamedBodyOfKnownLengthIsSentWithContentLength() {
    byte[] json = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
    RequestBody body =
        RequestBody.of(
            () -> new ByteArrayInputStream(json), json.length, "application/json", false);

    executor(transport(RestClient.builder()), ObservationRegistry.NOOP)
        .execute(Call.to(Endpoints.USER_CREATE).body(body), Map.class);

    this.wm
        .getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/users"))
                .withHeader("Content-Length", equalTo(String.valueOf(json.length)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{\"name\":\"Ada\"}")));
  }

  @Test
  void streamedBodyOfUnknownLengthIsSentChunked() {
    byte[] csv = "id,name\n1,Ada\n".getBytes(StandardCharsets.UTF_8);
    RequestBody body = RequestBody.of(() -> new ByteArrayInputStream(csv), -1, "text/csv", false);
    // Chunked transfer is HTTP/1.1; the JDK client would otherwise try an h2c upgrade on plain
    // http.
    PortalTransport transport =
        RestClientPortalTransport.create(
            RestClient.builder(),
            ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer((client) -> client.version(Version.HTTP_1_1)),
            SETTINGS);

    executor(transport, ObservationRegistry.NOOP)
        .execute(Call.to(Endpoints.USER_CREATE).body(body), Map.class);

    this.wm
        .getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/users"))
                .withHeader("Transfer-Encoding", equalTo("chunked"))
                .withRequestBody(equalTo("id,name\n1,Ada\n")));
  }

  @Test
  void errorResponsesAreReturnedWithTheirBody() throws Exception {
    this.wm
        .getWireMock()
        .register(
            get("/users/gone")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("X-Request-Id", "req-9")
                        .withBody("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\"}}")));
    this.wm
        .getWireMock()
        .register(get("/users/broken").willReturn(aResponse().withStatus(503).withBody("down")));
    PortalTransport transport = transport(RestClient.builder());

    try (TransportResponse response = transport.exchange(findById("/users/gone", "gone"))) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.headers().first("x-request-id")).contains("req-9");
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .contains("NOT_FOUND");
    }
    try (TransportResponse response = transport.exchange(findById("/users/broken", "broken"))) {
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.body().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("down");
    }
  }

  @Test
  void redirectsAreNeverFollowedEvenWhenTheSettingsSaySo() throws Exception {
    this.wm
        .getWireMock()
        .register(
            get("/users/moved")
                .willReturn(
                    aResponse()
                        .withStatus(302)
                        .withHeader("Location", this.wm.getHttpBaseUrl() + "/elsewhere")));
    PortalTransport transport =
        RestClientPortalTransport.create(
            RestClient.builder(), SETTINGS.withRedirects(HttpRedirects.FOLLOW));

    try (TransportResponse response = transport.exchange(findById("/users/moved", "moved"))) {
      assertThat(response.status()).isEqualTo(302);
    }
    this.wm.getWireMock().verifyThat(0, getRequestedFor(urlEqualTo("/elsewhere")));
  }

  @Test
  void responseBodyIsHandedBackBeforeItHasArrived() throws Exception {
    this.wm
        .getWireMock()
        .register(
            get("/users/slow-body")
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withBody("x".repeat(4096))
                        .withChunkedDribbleDelay(4, 2000)));
    PortalTransport transport = transport(RestClient.builder());

    long started = System.nanoTime();
    try (TransportResponse response =
        transport.exchange(findById("/users/slow-body", "slow-body"))) {
      long headersMillis = (System.nanoTime() - started) / 1_000_000;
      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).hasSize(4096);
      }
      long bodyMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(headersMillis).isLessThan(1000);
      assertThat(bodyMillis).isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void readTimeoutIsReportedAsTimeout() {
    this.wm
        .getWireMock()
        .register(get("/health").willReturn(aResponse().withFixedDelay(2000).withBody(OK)));
    PortalTransport transport =
        RestClientPortalTransport.create(
            RestClient.builder(),
            HttpClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
    RequestExecutor executor =
        new RequestExecutor(
            new ClientSettings(
                this.wm.getHttpBaseUrl(),
                "",
                null,
                null,
                null,
                Duration.ofMillis(300),
                null,
                com.winwinmbs.portal.api.PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE,
                transport,
                java.util.List.of(),
                RetryPolicy.NONE,
                ObservationRegistry.NOOP,
                null,
                "test",
                false,
                Clock.systemUTC(),
                (d) -> {}));

    assertThatExceptionOfType(TransportException.class)
        .isThrownBy(() -> executor.execute(Call.to(Endpoints.HEALTH_CHECK), Map.class))
        .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
  }

  @Test
  void perCallTimeoutIsHonoured() {
    this.wm
        .getWireMock()
        .register(get("/health").willReturn(aResponse().withFixedDelay(3000).withBody(OK)));
    RequestExecutor executor = executor(transport(RestClient.builder()), ObservationRegistry.NOOP);

    long started = System.nanoTime();
    assertThatExceptionOfType(TransportException.class)
        .isThrownBy(
            () ->
                executor.execute(
                    Call.to(Endpoints.HEALTH_CHECK)
                        .options(RequestOptions.builder().timeout(Duration.ofMillis(300)).build()),
                    Map.class))
        .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void refusedConnectionIsReportedAsConnectFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RequestExecutor executor =
        new RequestExecutor(
            new ClientSettings(
                "http://localhost:" + port,
                "",
                null,
                null,
                null,
                Duration.ofSeconds(2),
                null,
                com.winwinmbs.portal.api.PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE,
                transport(RestClient.builder()),
                java.util.List.of(),
                RetryPolicy.NONE,
                ObservationRegistry.NOOP,
                null,
                "test",
                false,
                Clock.systemUTC(),
                (d) -> {}));

    assertThatExceptionOfType(TransportException.class)
        .isThrownBy(() -> executor.execute(Call.to(Endpoints.HEALTH_CHECK), Map.class))
        .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(TransportException.Kind.CONNECT));
  }

  private RestClientPortalTransport transport(RestClient.Builder builder) {
    return RestClientPortalTransport.create(builder, SETTINGS);
  }

  private RequestExecutor executor(PortalTransport transport, ObservationRegistry registry) {
    return new RequestExecutor(
        new ClientSettings(
            this.wm.getHttpBaseUrl(),
            "",
            null,
            null,
            null,
            Duration.ofSeconds(5),
            null,
            com.winwinmbs.portal.api.PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE,
            transport,
            java.util.List.of(),
            RetryPolicy.NONE,
            registry,
            null,
            "test",
            false,
            Clock.systemUTC(),
            (d) -> {}));
  }

  private TransportRequest findById(String path, String id) {
    return request(
        Endpoints.USER_FIND_BY_ID,
        URI.create(this.wm.getHttpBaseUrl() + path),
        Map.of("id", id),
        null);
  }

  private static TransportRequest request(
      Endpoint endpoint, URI uri, Map<String, String> variables, RequestBody body) {
    return new TransportRequest(
        endpoint,
        endpoint.method(),
        uri,
        variables,
        Headers.builder().set("Accept", "application/json").build(),
        body,
        Duration.ofSeconds(5));
  }
}
