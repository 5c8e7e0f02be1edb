package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.otp.OtpVerifyRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantRequest;
import com.winwinmbs.portal.api.tenant.SsoProviderType;
import com.winwinmbs.portal.api.tenant.TenantPlan;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import com.winwinmbs.portal.api.testing.TestClients;
import com.winwinmbs.portal.api.webhook.WebhookCreateRequest;
import com.winwinmbs.portal.api.webhook.WebhookEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that repeats what it was sent in its answer cannot put a secret into an exception's
 * message: not a credential header, not a password or secret a request body carried, and not when
 * the answer is not even HTTP. {@link PortalApiException#rawBody()} keeps the body as received (the
 * caller's to inspect, never printed).
 */
@WireMockTest
class EchoedSecretsTests {

  private static final String API_KEY = "app_live_key_Ec01aa";
  private static final String TOKEN = "eyJ.echoed-token.Ec02bb";
  private static final String PASSWORD = "pw-Battery-Staple-Ec03";
  private static final String SSO_SECRET = "sso-secret-Ec04dd";
  private static final String WEBHOOK_SECRET = "whsec_Ec05ee";
  private static final String OTP_CODE = "736251";

  private static final List<String> SECRETS =
      List.of(API_KEY, TOKEN, PASSWORD, SSO_SECRET, WEBHOOK_SECRET, OTP_CODE);

  static Stream<Arguments> echoingErrors() {
    return Stream.of(
        Arguments.of(
            "login refused, quoting the password",
            401,
            (Consumer<PortalApiClient>)
                portal -> portal.auth().login("ann@acme.com", PASSWORD, false, cause -> {}),
            PASSWORD),
        Arguments.of(
            "tenant sign-up refused, quoting the admin password",
            409,
            (Consumer<PortalApiClient>)
                portal ->
                    portal
                        .tenant()
                        .register(
                            new RegisterTenantRequest(
                                "Acme",
                                "acme",
                                "admin@acme.com",
                                PASSWORD,
                                "Ann Admin",
                                TenantPlan.FREE)),
            PASSWORD),
        Arguments.of(
            "SSO settings refused, quoting the client secret",
            400,
            (Consumer<PortalApiClient>)
                portal ->
                    portal
                        .tenant()
                        .updateSso(
                            "t1",
                            UpdateSsoConfigRequest.builder(SsoProviderType.AZURE_AD)
                                .clientId("sso-client")
                                .clientSecret(SSO_SECRET)
                                .build()),
            SSO_SECRET),
        Arguments.of(
            "webhook refused, quoting its signing secret",
            422,
            (Consumer<PortalApiClient>)
                portal ->
                    portal
                        .webhook()
                        .create(
                            WebhookCreateRequest.builder()
                                .name("hook")
                                .url("https://hooks.example.com/in")
                                .events(List.of(WebhookEvent.USER_CREATED))
                                .secret(WEBHOOK_SECRET)
                                .build()),
            WEBHOOK_SECRET),
        Arguments.of(
            "one-time code refused, quoting it",
            400,
            (Consumer<PortalApiClient>)
                portal -> portal.otp().verify(OtpVerifyRequest.of("REF-1", OTP_CODE)),
            OTP_CODE),
        Arguments.of(
            "read refused, quoting the API key and the token",
            403,
            (Consumer<PortalApiClient>) portal -> portal.user().findById("usr_1"),
            API_KEY + " / " + TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("echoingErrors")
  void errorMessageEchoingASecretOfTheRequestHasItCutOut(
      String description,
      int status,
      Consumer<PortalApiClient> call,
      String echoed,
      WireMockRuntimeInfo wm) {
    String body =
        "{\"success\":false,\"error\":{\"code\":\"REFUSED\",\"message\":\"refused: "
            + echoed
            + "\"}}";
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    PortalApiClient portal =
        TestClients.builder(wm).tokenSource(TokenSource.of(TOKEN)).apiKey(API_KEY).build();

    Throwable thrown = catchThrowable(() -> call.accept(portal));

    assertThat(thrown).isInstanceOf(PortalApiException.class);
    PortalApiException e = (PortalApiException) thrown;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.errorMessage()).isEqualTo("refused: " + redacted(echoed));
    assertNoSecret(e);
    assertThat(e.rawBody()).as("the body as received").isEqualTo(body);
  }

  @Test
  void successFalseEnvelopeEchoingTheCredentialsHasThemCutOut(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"message\":\"key "
                                + API_KEY
                                + " with token "
                                + TOKEN
                                + " may not read usr_1\"}")));
    PortalApiClient portal =
        TestClients.builder(wm).tokenSource(TokenSource.of(TOKEN)).apiKey(API_KEY).build();

    Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

    assertThat(thrown)
        .isExactlyInstanceOf(PortalApiException.class)
        .hasMessageContaining("key [REDACTED] with token [REDACTED] may not read usr_1")
        .hasMessageContaining("the envelope reported success=false");
    assertThat(((PortalApiException) thrown).code()).isEqualTo("UNSUCCESSFUL");
    assertNoSecret(thrown);
  }

  @Test
  @Timeout(30)
  void answerThatIsNotHttpButTheRequestSentBackKeepsTheCredentialsOutOfTheWholeChain()
      throws Exception {
    try (EchoServer echo = new EchoServer()) {
      PortalApiClient portal =
          PortalApiClient.builder()
              .apiUrl("http://127.0.0.1:" + echo.port())
              .tokenSource(TokenSource.of(TOKEN))
              .apiKey(API_KEY)
              .timeout(Duration.ofSeconds(10))
              .maxAttempts(1)
              .build();

      Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

      assertThat(echo.received()).as("the request did carry them").contains(TOKEN, API_KEY);
      assertThat(thrown).isInstanceOf(TransportException.class);
      assertThat(((TransportException) thrown).kind()).isEqualTo(TransportException.Kind.IO);
      assertNoSecret(thrown);
    }
  }

  private static String redacted(String echoed) {
    String text = echoed;
    for (String secret : SECRETS) {
      text = text.replace(secret, "[REDACTED]");
    }
    return text;
  }

  /** No secret in the message, {@code toString()} or error fields of any throwable in the chain. */
  private static void assertNoSecret(Throwable thrown) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
      StringBuilder text = new StringBuilder().append(t.getMessage()).append(' ').append(t);
      if (t instanceof PortalApiException portal) {
        text.append(' ').append(portal.errorMessage()).append(' ').append(portal.error().message());
      }
      for (Throwable suppressed : t.getSuppressed()) {
        text.append(' ').append(suppressed);
      }
      for (String secret : SECRETS) {
        assertThat(text.toString())
            .as("%s in the chain", t.getClass().getName())
            .doesNotContain(secret);
      }
    }
  }

  /**
   * Answers every connection with the lines of the request it read, credential lines first (as a
   * misrouted port or a proxy that echoes headers would), then closes it.
   */
  private static final class EchoServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    EchoServer() throws IOException {
      Thread thread = new Thread(this::serve, "echo-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    synchronized String received() {
      return received.toString(StandardCharsets.ISO_8859_1);
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          socket.setSoTimeout(5_000);
          InputStream in = socket.getInputStream();
          ByteArrayOutputStream request = new ByteArrayOutputStream();
          byte[] buffer = new byte[4096];
          int read;
          // the header block ends with an empty line; a GET has no body
          while (!request.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
              && (read = in.read(buffer)) != -1) {
            request.write(buffer, 0, read);
          }
          synchronized (this) {
            request.writeTo(received);
          }
          // the credential lines first, so whatever quotes the "status line" quotes a credential
          List<String> lines =
              new java.util.ArrayList<>(
                  List.of(request.toString(StandardCharsets.ISO_8859_1).split("\r\n")));
          lines.sort(
              java.util.Comparator.comparing(
                  line ->
                      !(line.regionMatches(true, 0, "Authorization:", 0, 14)
                          || line.regionMatches(true, 0, "X-API-Key:", 0, 10))));
          OutputStream out = socket.getOutputStream();
          out.write(
              (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        } catch (IOException e) {
          // closed, or the client gave up: serve the next connection
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
