package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.todo.TodoApi;
import com.winwinmbs.portal.api.todo.TodoCreateRequest;
import java.util.List;
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
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Redirects from the portal to another server through the auto-configured transports (the JDK
 * default and {@link RestClientPortalTransport}): never followed, so the credentials stay with the
 * portal, and the failure names only the origin the portal pointed to.
 */
class RestClientRedirectTests {

  private static final String TOKEN = "t0k3n-of-the-portal";

  private static final String API_KEY = "app-key-of-the-portal";

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAuthAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class));

  @BeforeEach
  void elsewhereAnswersAnything() {
    elsewhere.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":true,\"data\":{\"id\":\"t-1\",\"tags\":[]}}")));
  }

  @ParameterizedTest(name = "{0} on {1} with {2}")
  @CsvSource({
    "301, GET, jdk",
    "302, GET, jdk",
    "303, GET, jdk",
    "307, GET, jdk",
    "308, GET, jdk",
    "301, POST, jdk",
    "302, POST, jdk",
    "303, POST, jdk",
    "307, POST, jdk",
    "308, POST, jdk",
    "301, GET, rest-client",
    "302, GET, rest-client",
    "303, GET, rest-client",
    "307, GET, rest-client",
    "308, GET, rest-client",
    "301, POST, rest-client",
    "302, POST, rest-client",
    "303, POST, rest-client",
    "307, POST, rest-client",
    "308, POST, rest-client"
  })
  @Timeout(30)
  void redirectIsNotFollowedAndTheOtherServerReceivesNoCredentials(
      int status, String method, String httpClient) {
    // 127.0.0.1 rather than localhost, so the message can be told to name the other origin
    String location =
        "http://127.0.0.1:" + elsewhere.getPort() + "/collect?token=" + TOKEN + "&next=%2Fadmin";
    portal.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Location", location)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Moved</body></html>")));
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + portal.baseUrl(),
            "portal.api.http-client=" + httpClient,
            "portal.api.api-key=" + API_KEY,
            "portal.api.auth.mode=static",
            "portal.api.auth.token=" + TOKEN,
            "portal.api.retry.initial-backoff=1ms",
            "portal.api.retry.max-backoff=1ms")
        .run(
            (context) -> {
              assertThat(
                      context.getBean(PortalTransport.class) instanceof RestClientPortalTransport)
                  .isEqualTo(httpClient.equals("rest-client"));
              TodoApi todos = context.getBean(TodoApi.class);

              Throwable failure =
                  catchThrowable(
                      () -> {
                        if (method.equals("GET")) {
                          todos.findById("t-1");
                        } else {
                          todos
                              .withOptions(
                                  RequestOptions.builder().idempotencyKey("todo-42").build())
                              .create(TodoCreateRequest.builder().title("Call back").build());
                        }
                      });

              assertThat(elsewhere.findAll(anyRequestedFor(anyUrl())))
                  .as("requests the other server received")
                  .isEmpty();
              List<LoggedRequest> sent = portal.findAll(anyRequestedFor(anyUrl()));
              assertThat(sent).as("a redirect is not retried").hasSize(1);
              portal.verify(
                  anyRequestedFor(anyUrl())
                      .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                      .withHeader("X-API-Key", equalTo(API_KEY)));

              assertThat(failure).isExactlyInstanceOf(PortalApiException.class);
              PortalApiException ex = (PortalApiException) failure;
              assertThat(ex.status()).isEqualTo(status);
              assertThat(ex.attempts()).isEqualTo(1);
              assertThat(ex.getMessage())
                  .contains("redirects are not followed")
                  .contains("Location points to http://127.0.0.1")
                  .contains("[" + method + " /todos")
                  .doesNotContain(String.valueOf(elsewhere.getPort()))
                  .doesNotContain("/collect")
                  .doesNotContain(TOKEN)
                  .doesNotContain(API_KEY)
                  .doesNotContain("/admin");
            });
  }
}
