package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalTransport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The default transport: the core's JDK transport on an HttpClient built from Spring Boot's HTTP
 * client settings. It starts no thread per call, and the portal's timeouts and SSL bundle (or
 * {@code spring.http.clients.ssl.bundle}) apply to it.
 */
class JdkTransportSettingsTests {

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
          .withPropertyValues("portal.api.retry.max-attempts=1");

  @BeforeEach
  void stubHealth() {
    portal.stubFor(
        get("/health")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(HEALTHY)));
    portal.stubFor(
        get("/slow")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(HEALTHY)
                    .withFixedDelay(3000)));
  }

  @Test
  @Timeout(60)
  void twoHundredCallsStartNoThreadEach() throws Exception {
    // a server whose two threads exist before counting, so only the client's threads are counted
    ThreadPoolExecutor serverThreads =
        new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    serverThreads.prestartAllCoreThreads();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] healthy = HEALTHY.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/health",
        (exchange) -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, healthy.length);
          exchange.getResponseBody().write(healthy);
          exchange.close();
        });
    server.setExecutor(serverThreads);
    server.start();
    try {
      this.runner
          .withPropertyValues(
              "portal.api.base-url=http://127.0.0.1:" + server.getAddress().getPort())
          .run(
              (context) -> {
                HealthApi health = context.getBean(HealthApi.class);
                for (int i = 0; i < 20; i++) {
                  assertThat(health.check().isUp()).isTrue(); // the client's pool, connection
                }
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long before = threads.getTotalStartedThreadCount();
                for (int i = 0; i < 200; i++) {
                  assertThat(health.check().isUp()).isTrue();
                }
                long started = threads.getTotalStartedThreadCount() - before;

                assertThat(started).as("threads started by 200 calls").isLessThanOrEqualTo(2);
              });
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  @Test
  void thePortalsTimeoutBoundsEachAttempt() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + httpUrl(),
            "portal.api.timeout=300ms",
            "spring.http.clients.read-timeout=30s")
        .run(
            (context) -> {
              PortalApiClient client = context.getBean(PortalApiClient.class);
              long started = System.nanoTime();
              Throwable failure =
                  catchThrowable(
                      () ->
                          client.rawRequest(
                              com.winwinmbs.portal.api.RawRequest.get("/slow").build()));
              Duration took = Duration.ofNanos(System.nanoTime() - started);

              assertThat(failure).isInstanceOf(TransportException.class);
              assertThat(took).isLessThan(Duration.ofMillis(2500));
            });
  }

  @Test
  void thePortalsConnectTimeoutIsTheHttpClients() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + httpUrl(),
            "portal.api.connect-timeout=3s",
            "spring.http.clients.connect-timeout=20s")
        .run(
            (context) -> {
              PortalTransport transport = context.getBean(PortalTransport.class);
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
              assertThat(transport).hasToString("JdkHttpTransport[HTTP_1_1, connectTimeout=PT3S]");
            });
  }

  @Test
  void aSelfSignedPortalIsRefusedWithoutItsSslBundle() {
    this.runner
        .withPropertyValues("portal.api.base-url=" + httpsUrl(), TRUST_PORTAL)
        .run(
            (context) ->
                assertThat(causes(catchThrowable(() -> context.getBean(HealthApi.class).check())))
                    .first()
                    .isInstanceOf(TransportException.class));
  }

  @Test
  void theHandshakeIsWhatFailsWithoutTheSslBundle() {
    this.runner
        .withPropertyValues("portal.api.base-url=" + httpsUrl(), TRUST_PORTAL)
        .run(
            (context) ->
                assertThat(causes(catchThrowable(() -> context.getBean(HealthApi.class).check())))
                    .anyMatch(SSLHandshakeException.class::isInstance));
  }

  @Test
  void thePortalsSslBundleIsTrusted() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + httpsUrl(), TRUST_PORTAL, "portal.api.ssl.bundle=portal")
        .run((context) -> assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue());
  }

  @Test
  void theSslBundleOfAllHttpClientsIsTrusted() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + httpsUrl(),
            TRUST_PORTAL,
            "spring.http.clients.ssl.bundle=portal")
        .run((context) -> assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue());
  }

  /** The failure and its causes, outermost first. */
  static List<Throwable> causes(Throwable failure) {
    List<Throwable> causes = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      causes.add(cause);
    }
    return causes;
  }

  private static String httpUrl() {
    return "http://localhost:" + portal.getPort();
  }

  private static String httpsUrl() {
    return "https://localhost:" + portal.getHttpsPort();
  }

  static String resource(String name) {
    try {
      return Path.of(JdkTransportSettingsTests.class.getClassLoader().getResource(name).toURI())
          .toString();
    } catch (URISyntaxException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
