package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.health.HealthApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Machine tokens through Spring Security while the token endpoint is down, slow or answering
 * something that is not a token: the portal call fails at once with a {@link TokenException},
 * nothing reaches the portal, the client secret appears nowhere in the failure, and the next call
 * after the endpoint recovers gets a token (from mock-oauth2-server) and reaches the portal.
 */
class SpringSecurityTokenEndpointFaultTests {

  private static final String SECRET = "s3cret-of-the-portal-service";

  private static final String HEALTHY = "{\"success\":true,\"data\":{\"status\":\"ok\"}}";

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MockOAuth2Server oauth = new MockOAuth2Server();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OAuth2ClientAutoConfiguration.class,
                  PortalApiAuthAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class));

  private WireMockServer tokenEndpoint;

  private int tokenEndpointPort;

  @BeforeEach
  void start() throws IOException {
    this.oauth.start();
    portal.stubFor(
        get("/health")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(HEALTHY)));
    // a port nothing listens on until the endpoint "recovers"
    this.tokenEndpointPort = freePort();
    this.tokenEndpoint = new WireMockServer(wireMockConfig().port(this.tokenEndpointPort));
  }

  @AfterEach
  void stop() {
    this.tokenEndpoint.stop();
    this.oauth.shutdown();
  }

  @ParameterizedTest(name = "{0}, {1} token request")
  @CsvSource({
    "REFUSED, form",
    "SLOWER_THAN_TIMEOUT, form",
    "HTML_PAGE, form",
    "JSON_WITHOUT_ACCESS_TOKEN, form",
    "INVALID_CLIENT, form",
    "REFUSED, json",
    "SLOWER_THAN_TIMEOUT, json",
    "HTML_PAGE, json",
    "JSON_WITHOUT_ACCESS_TOKEN, json",
    "INVALID_CLIENT, json"
  })
  @Timeout(20)
  void failingTokenEndpointFailsTheCallWithATokenExceptionAndTheNextCallRecovers(
      TokenEndpointFault fault, String format) {
    if (fault != TokenEndpointFault.REFUSED) {
      this.tokenEndpoint.start();
      this.tokenEndpoint.stubFor(post("/machines/token").willReturn(fault.response()));
    }
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + portal.baseUrl(),
            "portal.api.timeout=1500ms",
            "portal.api.connect-timeout=500ms",
            "portal.api.retry.initial-backoff=1ms",
            "portal.api.retry.max-backoff=1ms",
            "portal.api.auth.registration-id=portal",
            "portal.api.auth.token-format=" + format,
            "spring.security.oauth2.client.registration.portal.client-id=portal-service",
            "spring.security.oauth2.client.registration.portal.client-secret=" + SECRET,
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=machines",
            "spring.security.oauth2.client.provider.machines.token-uri="
                + "http://localhost:"
                + this.tokenEndpointPort
                + "/machines/token")
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              HealthApi health = context.getBean(HealthApi.class);

              long started = System.nanoTime();
              Throwable failure = catchThrowable(health::check);
              Duration took = Duration.ofNanos(System.nanoTime() - started);

              assertThat(failure).isInstanceOf(TokenException.class);
              assertThat(((TokenException) failure).attempts()).isZero();
              assertThat(took)
                  .as("bounded by portal.api.timeout")
                  .isLessThan(Duration.ofSeconds(4));
              assertThat(messages(failure))
                  .as("the failure and its causes")
                  .allSatisfy((message) -> assertThat(message).doesNotContain(SECRET));
              assertThat(portal.findAll(anyRequestedFor(anyUrl())))
                  .as("nothing is sent to the portal without a token")
                  .isEmpty();

              recover();

              assertThat(health.check().isUp()).isTrue();
              List<LoggedRequest> sent = portal.findAll(getRequestedFor(urlEqualTo("/health")));
              assertThat(sent).hasSize(1);
              String token = WebTestSupport.bearer(sent.get(0));
              assertThat(token).isNotNull();
              assertThat(WebTestSupport.subject(token)).isEqualTo("portal-service");
            });
  }

  /**
   * The endpoint answers again, with a token mock-oauth2-server issued (relayed rather than
   * proxied, so a cold proxy on a busy machine cannot exceed the timeout).
   */
  private void recover() {
    if (!this.tokenEndpoint.isRunning()) {
      this.tokenEndpoint.start();
    }
    this.tokenEndpoint.resetAll();
    String token = this.oauth.issueToken("machines", "portal-service").serialize();
    this.tokenEndpoint.stubFor(
        post("/machines/token")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\""
                            + token
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
  }

  private static List<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable each = failure; each != null; each = each.getCause()) {
      messages.add(String.valueOf(each));
      for (Throwable suppressed : each.getSuppressed()) {
        messages.add(String.valueOf(suppressed));
      }
    }
    return messages;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** What the token endpoint does. */
  enum TokenEndpointFault {
    /** Nothing listens on its port. */
    REFUSED,
    SLOWER_THAN_TIMEOUT,
    HTML_PAGE,
    JSON_WITHOUT_ACCESS_TOKEN,
    INVALID_CLIENT;

    ResponseDefinitionBuilder response() {
      return switch (this) {
        case REFUSED -> throw new IllegalStateException("nothing answers");
        case SLOWER_THAN_TIMEOUT ->
            json(
                    200,
                    "{\"access_token\":\"too-late\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                .withFixedDelay(4_000);
        case HTML_PAGE ->
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Please sign in</body></html>");
        case JSON_WITHOUT_ACCESS_TOKEN ->
            json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}");
        case INVALID_CLIENT ->
            json(
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
      };
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
      return aResponse()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(body);
    }
  }
}
