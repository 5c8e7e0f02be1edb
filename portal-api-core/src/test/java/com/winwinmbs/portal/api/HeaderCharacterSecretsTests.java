package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.winwinmbs.portal.api.auth.SessionTokenSource;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A credential holding a character the JDK client refuses in a header (it would quote the whole
 * value, {@code invalid header value: "Bearer <token>"}) or would send as {@code ?} is refused
 * before the JDK sees it: the call fails with an {@link IllegalArgumentException} that names the
 * header, the character's code and its index, and neither that exception, its cause chain, any log
 * line (every logger, at TRACE) nor the observation's error holds the credential. Nothing reaches
 * the portal.
 */
@WireMockTest
class HeaderCharacterSecretsTests {

  /** The part of every credential below that must never be shown. */
  private static final String SECRET = "Zq81-secret-77";

  static Stream<Arguments> characters() {
    return Stream.of(
        Arguments.of("e acute", '\u00e9', "U+00E9", "outside ASCII"),
        Arguments.of("euro sign", '\u20ac', "U+20AC", "refuses"),
        Arguments.of("DEL", '\u007f', "U+007F", "refuses"),
        Arguments.of("NUL", '\u0000', "U+0000", "CR, LF or NUL"),
        Arguments.of("ESC", '\u001b', "U+001B", "refuses"),
        Arguments.of("U+0100", '\u0100', "U+0100", "refuses"));
  }

  private final List<Throwable> observationErrors = new CopyOnWriteArrayList<>();
  private ObservationRegistry registry;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .atPriority(10)
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));
    registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }

              @Override
              public void onError(Observation.Context context) {
                observationErrors.add(context.getError());
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("characters")
  void anAccessTokenFromTheTokenEndpoint(
      String name, char c, String code, String reason, WireMockRuntimeInfo wm) {
    String token = "at-" + c + SECRET;
    wm.getWireMock()
        .register(
            post("/oauth/token")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"access_token\":"
                                + PortalJson.MAPPER.writeValueAsString(token)
                                + ",\"expires_in\":3600}")));
    ClientCredentialsTokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .apiUrl(wm.getHttpBaseUrl())
            .clientId("app_chars")
            .clientSecret("secret_chars")
            .build();
    PortalApiClient portal =
        TestClients.builder(wm).tokenSource(tokens).observationRegistry(registry).build();

    assertRefusedWithoutTheSecret(
        wm, () -> portal.user().findById("usr_1"), "Authorization", code, 10, reason);
    assertThat(paths(wm)).containsExactly("/oauth/token");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("characters")
  void aTokenFromASupplierAndFromASessionLogin(
      String name, char c, String code, String reason, WireMockRuntimeInfo wm) {
    String token = "at-" + c + SECRET;
    PortalApiClient supplied =
        TestClients.builder(wm)
            .tokenSource(TokenSource.fromSupplier(() -> token))
            .observationRegistry(registry)
            .build();

    assertRefusedWithoutTheSecret(
        wm, () -> supplied.user().findById("usr_1"), "Authorization", code, 10, reason);

    wm.getWireMock()
        .register(
            post("/auth/login")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"accessToken\":"
                                + PortalJson.MAPPER.writeValueAsString(token)
                                + "}")));
    PortalApiClient sessions = TestClients.builder(wm).observationRegistry(registry).build();
    SessionTokenSource session = sessions.auth().login("ann@acme.com", "pw-Hv9", false);
    observationErrors.clear();

    assertRefusedWithoutTheSecret(
        wm,
        () -> sessions.user().withOptions(session.requestOptions()).findById("usr_1"),
        "Authorization",
        code,
        10,
        reason);
    assertThat(paths(wm)).containsExactly("/auth/login");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("characters")
  void anApiKeyAndAPerCallHeader(
      String name, char c, String code, String reason, WireMockRuntimeInfo wm) {
    String key = "key-" + c + SECRET;

    // refused when set (NUL) or when the first call builds its headers (the others)
    Throwable apiKey =
        assertRefusedWithoutTheSecret(
            () ->
                TestClients.builder(wm)
                    .tokenSource(TokenSource.none())
                    .apiKey(key)
                    .observationRegistry(registry)
                    .build()
                    .user()
                    .findById("usr_1"));
    assertThat(apiKey.getMessage()).containsAnyOf("value of header X-API-Key", "apiKey");
    assertThat(apiKey.getMessage()).contains("index 4");
    observationErrors.clear();

    PortalApiClient plain = TestClients.builder(wm).observationRegistry(registry).build();
    Throwable header =
        assertRefusedWithoutTheSecret(
            () ->
                plain
                    .user()
                    .withOptions(RequestOptions.builder().header("X-Signature", key).build())
                    .findById("usr_1"));
    assertThat(header)
        .hasMessageContaining("value of header X-Signature")
        .hasMessageContaining(code + " at index 4")
        .hasMessageContaining(reason);
    assertThat(paths(wm)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("characters")
  void aConstantTokenIsRefusedWhenTheSourceIsMade(String name, char c, String code, String reason) {
    assertThatThrownBy(() -> TokenSource.of("at-" + c + SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token")
        .hasMessageContaining(code + " at index 3")
        .hasMessageContaining(reason)
        .hasMessageNotContaining(SECRET);
  }

  private void assertRefusedWithoutTheSecret(
      WireMockRuntimeInfo wm, Runnable call, String header, String code, int index, String reason) {
    Throwable failure = assertRefusedWithoutTheSecret(call);
    assertThat(failure)
        .hasMessageContaining("value of header " + header)
        .hasMessageContaining(code + " at index " + index)
        .hasMessageContaining(reason);
    // a token arrives per attempt, inside the call's observation, which records the refusal
    assertThat(observationErrors).containsExactly(failure);
    observationErrors.clear();
  }

  /**
   * Runs the call with every logger captured: it must throw an IllegalArgumentException, and no
   * exception in the chain, no observation error and no log line may hold the secret.
   */
  private Throwable assertRefusedWithoutTheSecret(Runnable call) {
    Throwable failure;
    String logs;
    try (LogCapture capture = LogCapture.everything()) {
      failure = catchThrowable(call::run);
      logs = capture.text();
    }
    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertNoSecret(failure);
    assertThat(logs).doesNotContain(SECRET);
    observationErrors.forEach(HeaderCharacterSecretsTests::assertNoSecret);
    return failure;
  }

  private static void assertNoSecret(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
      for (Function<Throwable, @Nullable String> text :
          List.<Function<Throwable, @Nullable String>>of(
              Throwable::getMessage, Throwable::toString, Throwable::getLocalizedMessage)) {
        assertThat(String.valueOf(text.apply(t))).doesNotContain(SECRET);
      }
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoSecret(suppressed);
      }
    }
  }

  private static List<String> paths(WireMockRuntimeInfo wm) {
    return wm.getWireMock().getServeEvents().stream()
        .map(ServeEvent::getRequest)
        .map(request -> request.getUrl())
        .sorted()
        .toList();
  }
}
