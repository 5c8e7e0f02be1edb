package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.ClientSettings;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What an application configures for RestClient reaches the portal: customizers, {@code
 * spring.http.clients.*}, SSL bundles, its request factory builder.
 */
class PortalApiRestClientTests {

  private static final String HEALTHY = "{\"success\":true,\"data\":{\"status\":\"ok\"}}";

  private static final String TRUST_PORTAL =
      "spring.ssl.bundle.pem.portal.truststore.certificate=classpath:ssl/portal-server.crt";

  @RegisterExtension
  static WireMockExtension portal =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .dynamicHttpsPort()
                  .keystorePath(resource("ssl/portal-server.p12"))
                  .keystoreType("PKCS12")
                  .keystorePassword("test-secret")
                  .keyManagerPassword("test-secret"))
          .build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class))
          .withPropertyValues(
              "portal.api.retry.max-attempts=1", "portal.api.http-client=rest-client");

  @BeforeEach
  void stubHealth() {
    portal.stubFor(
        get("/health")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(HEALTHY)));
  }

  @Test
  void restClientCustomizerIsApplied() {
    this.runner
        .withPropertyValues("portal.api.base-url=" + httpUrl())
        .withBean(
            RestClientCustomizer.class,
            () -> (builder) -> builder.defaultHeader("X-Calling-Service", "billing"))
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              portal.verify(
                  getRequestedFor(urlEqualTo("/health"))
                      .withHeader("X-Calling-Service", equalTo("billing")));
            });
  }

  @Test
  void streamedUploadOfUnknownLengthWorksOnPlainHttp() {
    portal.stubFor(
        post("/users")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":true,\"data\":{\"id\":\"u-1\"}}")));
    this.runner
        .withPropertyValues("portal.api.base-url=" + httpUrl())
        .run(
            (context) -> {
              byte[] csv = "id,name\n1,Ada\n".getBytes(StandardCharsets.UTF_8);
              RequestExecutor executor =
                  new RequestExecutor(
                      new ClientSettings(
                          httpUrl(),
                          "",
                          null,
                          null,
                          null,
                          Duration.ofSeconds(5),
                          null,
                          com.winwinmbs.portal.api.PortalApiClient.DEFAULT_MAX_RESPONSE_SIZE,
                          context.getBean(PortalTransport.class),
                          java.util.List.of(),
                          RetryPolicy.NONE,
                          ObservationRegistry.NOOP,
                          null,
                          "test",
                          false,
                          Clock.systemUTC(),
                          (d) -> {}));

              executor.execute(
                  Call.to(Endpoints.USER_CREATE)
                      .body(
                          RequestBody.of(
                              () -> new ByteArrayInputStream(csv), -1, "text/csv", false)),
                  Map.class);

              portal.verify(
                  postRequestedFor(urlEqualTo("/users"))
                      .withRequestBody(equalTo("id,name\n1,Ada\n")));
            });
  }

  @Test
  void applicationRequestFactoryBuilderIsUsed() {
    AtomicBoolean used = new AtomicBoolean();
    this.runner
        .withPropertyValues("portal.api.base-url=" + httpUrl())
        .withBean(
            ClientHttpRequestFactoryBuilder.class,
            () -> ClientHttpRequestFactoryBuilder.jdk().withCustomizer((factory) -> used.set(true)))
        .run(
            (context) -> {
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
              assertThat(used).isTrue();
            });
  }

  @Test
  void requestFactoryIsClosedWithTheContext() {
    AtomicBoolean closed = new AtomicBoolean();
    this.runner
        .withPropertyValues("portal.api.base-url=" + httpUrl())
        .withBean(
            ClientHttpRequestFactoryBuilder.class,
            () ->
                (ClientHttpRequestFactoryBuilder<?>)
                    (settings) -> new ClosingRequestFactory(closed))
        .run(
            (context) -> {
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
              assertThat(closed).isFalse();
            });
    assertThat(closed).isTrue();
  }

  @Test
  void sslBundleOfThePortalIsTrusted() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=https://localhost:" + portal.getHttpsPort(),
            TRUST_PORTAL,
            "portal.api.ssl.bundle=portal")
        .run((context) -> assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue());
  }

  @Test
  void selfSignedPortalIsRefusedWithoutTheBundle() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=https://localhost:" + portal.getHttpsPort(), TRUST_PORTAL)
        .run(
            (context) ->
                assertThatExceptionOfType(TransportException.class)
                    .isThrownBy(() -> context.getBean(HealthApi.class).check())
                    .satisfies(
                        (ex) -> assertThat(ex).hasCauseInstanceOf(SSLHandshakeException.class)));
  }

  @Test
  void sslBundleOfAllHttpClientsAppliesToThePortal() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=https://localhost:" + portal.getHttpsPort(),
            TRUST_PORTAL,
            "spring.http.clients.ssl.bundle=portal")
        .run((context) -> assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue());
  }

  @Test
  void sslBundleIsAppliedWithoutRestClientToo() {
    this.runner
        .withClassLoader(new FilteredClassLoader(RestClient.class))
        .withPropertyValues(
            "portal.api.base-url=https://localhost:" + portal.getHttpsPort(),
            TRUST_PORTAL,
            "portal.api.ssl.bundle=portal",
            "portal.api.http-client=jdk")
        .run(
            (context) -> {
              assertThat(context).doesNotHaveBean(RestClientPortalTransport.class);
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
            });
  }

  @Test
  void redirectsAreNotFollowedWhateverTheHttpClientSettingsSay() {
    portal.stubFor(
        get("/health")
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", httpUrl() + "/elsewhere")));
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + httpUrl(), "spring.http.clients.redirects=follow")
        .run(
            (context) -> {
              assertThatExceptionOfType(PortalApiException.class)
                  .isThrownBy(() -> context.getBean(HealthApi.class).check())
                  .withMessageContaining("redirects are not followed");
              portal.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
            });
  }

  /** A JDK request factory that records being closed. */
  static class ClosingRequestFactory extends JdkClientHttpRequestFactory implements AutoCloseable {

    private final AtomicBoolean closed;

    ClosingRequestFactory(AtomicBoolean closed) {
      this.closed = closed;
    }

    @Override
    public void close() {
      this.closed.set(true);
    }
  }

  private static String httpUrl() {
    return "http://localhost:" + portal.getPort();
  }

  private static String resource(String name) {
    try {
      return Path.of(PortalApiRestClientTests.class.getClassLoader().getResource(name).toURI())
          .toString();
    } catch (URISyntaxException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
