package com.winwinmbs.portal.api.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.testing.MutableClock;
import com.winwinmbs.portal.api.user.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token endpoint failing in every way it can, seen through a {@link PortalApiClient} that gets
 * its tokens from a {@link ClientCredentialsTokenProvider}: down, slow, stalled, or answering
 * something that is not a token. Each row ends in a {@link TokenException} within a bounded time,
 * sends nothing to the portal, never quotes the client secret anywhere in the exception chain, and
 * is not cached: the first call after the endpoint recovers succeeds.
 *
 * <p>A second table holds answers that are odd but still carry a token: an {@code expires_in} of
 * the wrong type keeps the default hour, one past any clock never expires; neither fails the call.
 *
 * <p>{@link ClientCredentialsTokenProviderTests} proves some of these rows on the provider alone
 * (unreachable, stalled body, a 502 HTML page, no {@code access_token}, a 400 echoing the secret, a
 * 503 not cached); they are repeated here so that the whole table is in one place.
 */
@WireMockTest
class TokenEndpointFaultTests {

  private static final String CLIENT_ID = "app_3f9c1b";
  private static final String SECRET = "secret_Xy9\"q/Zp+w=7&k";
  private static final String SECRET_JSON = "secret_Xy9\\\"q/Zp+w=7&k";
  private static final String SECRET_FORM = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
  private static final String HTML =
      "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>";

  private WireMockServer tokens;
  private int tokenPort;
  private @Nullable EchoServer notHttp;

  @BeforeEach
  void startTokenEndpoint() {
    tokens = new WireMockServer(options().dynamicPort());
    tokens.start();
    tokenPort = tokens.port();
  }

  @AfterEach
  void stopTokenEndpoint() throws IOException {
    tokens.stop();
    if (notHttp != null) {
      notHttp.close();
    }
  }

  /** What the token endpoint does. */
  enum TokenFault {
    DOWN("down: connection refused"),
    RESET("connection reset"),
    SLOW("slow: headers after the timeout"),
    STALLED_BODY("stalled: body dribbles past the timeout"),
    HTML_PAGE("200 with an HTML login page"),
    HTML_ERROR_PAGE("502 with an HTML page"),
    EMPTY_BODY("200 with an empty body"),
    TRUNCATED_JSON("200 with truncated JSON"),
    NO_ACCESS_TOKEN("200 JSON without access_token"),
    BLANK_ACCESS_TOKEN("200 JSON with a blank access_token"),
    NUMERIC_ACCESS_TOKEN("200 JSON with a numeric access_token"),
    OBJECT_ACCESS_TOKEN("200 JSON with an object as access_token"),
    JSON_ARRAY("200 with a JSON array"),
    SERVER_ERROR_ECHOING_SECRET("500 with a body echoing the client secret"),
    NOT_HTTP_ECHOING_SECRET("not HTTP: the request body sent back");

    final String description;

    TokenFault(String description) {
      this.description = description;
    }

    /**
     * The provider's timeout: short only where the row is about time, so load cannot fail a row.
     */
    Duration timeout() {
      return switch (this) {
        case SLOW -> Duration.ofMillis(1000);
        case STALLED_BODY -> Duration.ofMillis(1500);
        default -> Duration.ofSeconds(10);
      };
    }

    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Arguments> faults() {
    String noJson = "was not JSON";
    String noToken = "did not include an access_token";
    return Stream.of(
        // fault, TokenException status(), message contains
        Arguments.of(TokenFault.DOWN, 0, "failed: could not connect (ConnectException"),
        Arguments.of(TokenFault.RESET, 0, "failed: I/O failure (IOException"),
        Arguments.of(TokenFault.SLOW, 0, "failed: no response within 1000 ms"),
        Arguments.of(
            TokenFault.STALLED_BODY, 200, "no complete response within 1500 ms: the body stalled"),
        Arguments.of(TokenFault.HTML_PAGE, 200, noJson),
        Arguments.of(TokenFault.HTML_ERROR_PAGE, 502, "token request failed (HTTP 502)"),
        Arguments.of(TokenFault.EMPTY_BODY, 200, noToken),
        Arguments.of(TokenFault.TRUNCATED_JSON, 200, noJson),
        Arguments.of(TokenFault.NO_ACCESS_TOKEN, 200, noToken),
        Arguments.of(TokenFault.BLANK_ACCESS_TOKEN, 200, noToken),
        Arguments.of(TokenFault.NUMERIC_ACCESS_TOKEN, 200, noToken),
        Arguments.of(TokenFault.OBJECT_ACCESS_TOKEN, 200, noToken),
        Arguments.of(TokenFault.JSON_ARRAY, 200, noToken),
        Arguments.of(TokenFault.SERVER_ERROR_ECHOING_SECRET, 500, "[REDACTED]"),
        Arguments.of(
            TokenFault.NOT_HTTP_ECHOING_SECRET, 0, "failed: I/O failure (ProtocolException"));
  }

  @ParameterizedTest(name = "{0} -> TokenException status={1}")
  @MethodSource("faults")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tokenEndpointFailureFailsThePortalCallWithTokenExceptionAndIsNotCached(
      TokenFault fault, int status, String message, WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));
    String endpoint = breakTokenEndpoint(fault);
    ClientCredentialsTokenProvider provider =
        ClientCredentialsTokenProvider.builder()
            .tokenEndpoint(endpoint)
            .clientId(CLIENT_ID)
            .clientSecret(SECRET)
            .timeout(fault.timeout())
            .build();
    PortalApiClient portal =
        PortalApiClient.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .tokenSource(provider)
            .timeout(Duration.ofSeconds(10))
            .sleeper(duration -> {})
            .build();

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> catchThrowable(() -> portal.user().findById("usr_1")));

    assertThat(thrown)
        .isExactlyInstanceOf(TokenException.class)
        .hasMessageStartingWith("client_credentials ")
        .hasMessageContaining(message);
    TokenException e = (TokenException) thrown;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.attempts()).as("no portal attempt was made").isZero();
    assertSecretNowhereIn(e);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).as("portal requests").isEmpty();
    assertThat(provider.cachedToken()).isEmpty();

    // the endpoint recovers: the very next call fetches a token and reaches the portal
    recoverTokenEndpoint(fault);
    User user =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> portal.user().findById("usr_1"));

    assertThat(user.id()).isEqualTo("usr_1");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl())))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer at-recovered"));
  }

  static Stream<Arguments> toleratedExpiries() {
    return Stream.of(
        // expires_in as sent, the token's lifetime the provider keeps (null: never expires)
        Arguments.of("\"3600\"", Duration.ofSeconds(3600)),
        Arguments.of("\"soon\"", Duration.ofSeconds(3600)),
        Arguments.of("{\"seconds\":60}", Duration.ofSeconds(3600)),
        Arguments.of("\"99999999999999999999\"", Duration.ofSeconds(3600)),
        Arguments.of("9223372036854775807", null),
        Arguments.of("99999999999999999999", null),
        Arguments.of("1e300", null),
        Arguments.of("3600.75", Duration.ofSeconds(3600)),
        Arguments.of("-1e300", Duration.ZERO),
        Arguments.of("-9223372036854775808", Duration.ZERO));
  }

  @ParameterizedTest(name = "expires_in {0} -> lifetime {1}")
  @MethodSource("toleratedExpiries")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void expiresInOfTheWrongTypeOrBeyondAnyClockStillGivesTheToken(
      String expiresIn, @Nullable Duration lifetime, WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));
    answer(
        text(
            200,
            "application/json",
            "{\"access_token\":\"at-odd\",\"expires_in\":" + expiresIn + "}"));
    MutableClock clock = MutableClock.start();
    ClientCredentialsTokenProvider provider =
        ClientCredentialsTokenProvider.builder()
            .tokenEndpoint(tokens.baseUrl() + "/oauth/token")
            .clientId(CLIENT_ID)
            .clientSecret(SECRET)
            .timeout(Duration.ofSeconds(10))
            .refreshSkew(Duration.ZERO)
            .clock(clock)
            .build();
    PortalApiClient portal =
        PortalApiClient.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .tokenSource(provider)
            .timeout(Duration.ofSeconds(10))
            .build();

    User user =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> portal.user().findById("usr_1"));

    assertThat(user.id()).isEqualTo("usr_1");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl())))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer at-odd"));
    int fetches = tokenRequests();
    if (lifetime == null) {
      clock.advance(Duration.ofDays(365 * 1000));
      provider.accessToken();
      assertThat(tokenRequests()).as("never expires").isEqualTo(fetches);
    } else {
      if (!lifetime.isZero()) {
        clock.advance(lifetime.minusSeconds(1));
        provider.accessToken();
        assertThat(tokenRequests()).as("still fresh").isEqualTo(fetches);
        clock.advance(Duration.ofSeconds(1));
      }
      provider.accessToken();
      assertThat(tokenRequests()).as("expired: fetched again").isEqualTo(fetches + 1);
    }
  }

  /** Sets the fault up; returns the token endpoint's URL. */
  private String breakTokenEndpoint(TokenFault fault) throws IOException {
    String url = tokens.baseUrl() + "/oauth/token";
    switch (fault) {
      case DOWN -> tokens.stop(); // the port is bound by nobody until the endpoint recovers
      case RESET -> answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
      case SLOW -> answer(token("at-too-late").withFixedDelay(4000));
      case STALLED_BODY -> answer(token("at-too-late").withChunkedDribbleDelay(40, 6000));
      case HTML_PAGE -> answer(text(200, "text/html", HTML));
      case HTML_ERROR_PAGE -> answer(text(502, "text/html", HTML));
      case EMPTY_BODY -> answer(text(200, "application/json", ""));
      case TRUNCATED_JSON ->
          answer(text(200, "application/json", "{\"access_token\":\"at-1\",\"expires_in\":36"));
      case NO_ACCESS_TOKEN ->
          answer(text(200, "application/json", "{\"token_type\":\"Bearer\",\"expires_in\":3600}"));
      case BLANK_ACCESS_TOKEN ->
          answer(text(200, "application/json", "{\"access_token\":\"  \",\"expires_in\":3600}"));
      case NUMERIC_ACCESS_TOKEN ->
          answer(text(200, "application/json", "{\"access_token\":12345,\"expires_in\":3600}"));
      case OBJECT_ACCESS_TOKEN ->
          answer(text(200, "application/json", "{\"access_token\":{\"value\":\"at-1\"}}"));
      case JSON_ARRAY -> answer(text(200, "application/json", "[{\"access_token\":\"at-1\"}]"));
      case SERVER_ERROR_ECHOING_SECRET ->
          answer(
              text(
                  500,
                  "application/json",
                  "{\"error\":\"server_error\",\"received\":{\"client_id\":\""
                      + CLIENT_ID
                      + "\",\"client_secret\":\""
                      + SECRET_JSON
                      + "\"},\"form\":\"client_secret="
                      + SECRET_FORM
                      + "\"}"));
      case NOT_HTTP_ECHOING_SECRET -> {
        notHttp = new EchoServer();
        url = notHttp.url() + "/oauth/token";
      }
    }
    return url;
  }

  private void recoverTokenEndpoint(TokenFault fault) {
    if (fault == TokenFault.NOT_HTTP_ECHOING_SECRET) {
      notHttp.recover();
      return;
    }
    if (fault == TokenFault.DOWN) {
      tokens = new WireMockServer(options().port(tokenPort));
      tokens.start();
    }
    tokens.resetAll();
    tokens.stubFor(post("/oauth/token").willReturn(token("at-recovered")));
  }

  private int tokenRequests() {
    return tokens.findAll(postRequestedFor(urlEqualTo("/oauth/token"))).size();
  }

  private void answer(ResponseDefinitionBuilder response) {
    tokens.stubFor(post("/oauth/token").willReturn(response));
  }

  private static ResponseDefinitionBuilder token(String value) {
    return text(
        200,
        "application/json",
        "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
  }

  private static ResponseDefinitionBuilder text(int status, String contentType, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body);
  }

  /** The secret in none of the forms it was sent in, in no message of the chain. */
  private static void assertSecretNowhereIn(Throwable failure) {
    List<String> forms = List.of(SECRET, SECRET_JSON, SECRET_FORM, "secret_Xy9", "Zp+w", "Zp%2Bw");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(forms);
      assertThat(t.toString()).doesNotContain(forms);
      for (Throwable suppressed : t.getSuppressed()) {
        assertThat(suppressed.toString()).doesNotContain(forms);
      }
    }
    if (failure instanceof TokenException token && token.rawBody() != null) {
      assertThat(token.rawBody()).doesNotContain(forms);
    }
  }

  /**
   * A server that is not HTTP: it reads the request and sends its bytes back, then closes, as a
   * misrouted port (an echo service, a proxy speaking another protocol) would; once recovered it
   * answers a token.
   */
  private static final class EchoServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0);
    private volatile boolean recovered;

    EchoServer() throws IOException {
      Thread thread = new Thread(this::serve, "token-endpoint-echo");
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    void recover() {
      recovered = true;
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          socket.setSoTimeout(300);
          InputStream in = socket.getInputStream();
          ByteArrayOutputStream request = new ByteArrayOutputStream();
          byte[] buffer = new byte[8192];
          try {
            int read;
            while ((read = in.read(buffer)) != -1) {
              request.write(buffer, 0, read);
            }
          } catch (SocketTimeoutException endOfRequest) {
            // the client is waiting for the answer: the request is complete
          }
          OutputStream out = socket.getOutputStream();
          if (recovered) {
            byte[] body =
                "{\"access_token\":\"at-recovered\",\"expires_in\":3600}"
                    .getBytes(StandardCharsets.UTF_8);
            out.write(
                ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length
                        + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
          } else {
            String text = request.toString(StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            out.write((body + "\r\n" + text).getBytes(StandardCharsets.UTF_8));
          }
          out.flush();
        } catch (IOException | RuntimeException closed) {
          // the test is over, or the client went away
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
