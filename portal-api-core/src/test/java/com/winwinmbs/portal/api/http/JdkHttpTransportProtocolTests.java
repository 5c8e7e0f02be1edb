package com.winwinmbs.portal.api.http;

import static com.winwinmbs.portal.api.testing.RawHttpServer.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.testing.RawHttpServer;
import com.winwinmbs.portal.api.testing.RecordingSleeper;
import com.winwinmbs.portal.api.workflow.TaskDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the portal client makes of the JDK's own resend and of answers the JDK cannot parse, on the
 * default transport. The JDK's behaviour underneath is stated in {@link
 * JdkHttpClientBehaviourTests}; both hold on JDK 17 and 25.
 */
@Timeout(30)
class JdkHttpTransportProtocolTests {

  private static final String TOKEN = "eyJ.protocol-token.Pt01";
  private static final String REFRESH_TOKEN = "rt_Pt02-refresh";

  private final RawHttpServer server = RawHttpServer.start();
  private final PortalApiClient portal =
      PortalApiClient.builder()
          .apiUrl(server.baseUrl())
          .tokenSource(TokenSource.of(TOKEN))
          .timeout(Duration.ofSeconds(10))
          .retryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
          .sleeper(new RecordingSleeper())
          .build();

  @AfterEach
  void stopServer() {
    server.close();
  }

  // ---- the JDK's resend ------------------------------------------------------------------------

  @Test
  void aGetWhoseConnectionClosesUnansweredReachesThePortalTwiceForEachAttempt() {
    server.script(out -> {});

    Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
              assertThat(e.attempts()).isEqualTo(3);
            });
    assertThat(server.received()).as("3 attempts, each sent once more by the JDK").hasSize(6);
  }

  @Test
  void aPostWhoseConnectionClosesUnansweredReachesThePortalOnceForEachAttempt() {
    server.script(out -> {});

    Throwable once =
        catchThrowable(() -> portal.workflow().approve("tsk_1", new TaskDecision("ok", Map.of())));
    int sentOnce = server.received().size();
    server.script(out -> {});
    Throwable keyed =
        catchThrowable(
            () ->
                portal
                    .workflow()
                    .withOptions(RequestOptions.builder().idempotencyKey("key-Pt03").build())
                    .approve("tsk_1", new TaskDecision("ok", Map.of())));

    assertThat(once).isInstanceOf(TransportException.class);
    assertThat(((TransportException) once).attempts()).isEqualTo(1);
    assertThat(sentOnce).isEqualTo(1);
    assertThat(keyed).isInstanceOf(TransportException.class);
    assertThat(((TransportException) keyed).attempts()).isEqualTo(3);
    assertThat(server.received()).hasSize(3);
  }

  // ---- answers the JDK cannot parse ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(chars = {'\u0001', '\u001f', '\u007f', '\u0000'})
  void aHeaderValueTheJdkCannotParseIsATransportExceptionSayingTheAnswerWasMalformed(char bad) {
    server.answer(
        bytes(
            "HTTP/1.1 200 OK\r\nX-RateLimit-Limit: 10"
                + bad
                + "0\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));

    Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage())
                  .contains(
                      "malformed response from "
                          + server.baseUrl()
                          + ": the value of header X-RateLimit-Limit holds a character HTTP does"
                          + " not allow there");
            });
    assertThat(server.received()).as("not resent by the JDK").hasSize(3);
  }

  @Test
  void aRefreshTokenInASetCookieTheJdkCannotParseIsInNoMessageOrCause() {
    server.answer(
        bytes(
            "HTTP/1.1 200 OK\r\nSet-Cookie: refresh_token="
                + REFRESH_TOKEN
                + "\u0001; Path=/; HttpOnly\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}"));
    PortalApiClient session = portal.toBuilder().tokenSource(null).build();

    Throwable thrown = catchThrowable(() -> session.auth().login("a@example.com", "pw", false));

    assertThat(thrown)
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("the value of header Set-Cookie holds a character");
    assertThat(everythingSaidBy(thrown)).doesNotContain(REFRESH_TOKEN);
  }

  @Test
  void aStatusLineTheJdkCannotParseIsMalformedWithoutQuotingIt() {
    server.answer(bytes("Authorization: Bearer " + TOKEN + "\r\n\r\n"));

    Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

    assertThat(thrown)
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(
            "malformed response from " + server.baseUrl() + ": its status line is not HTTP/1.1");
    assertThat(everythingSaidBy(thrown)).doesNotContain(TOKEN);
  }

  @Test
  void aHeaderNameTheJdkCannotParseIsMalformedWithoutQuotingIt() {
    server.answer(bytes("HTTP/1.1 200 OK\r\nX " + TOKEN + ": 1\r\nContent-Length: 2\r\n\r\n{}"));

    Throwable thrown = catchThrowable(() -> portal.user().findById("usr_1"));

    assertThat(thrown)
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("a header name holds a character HTTP does not allow there");
    assertThat(everythingSaidBy(thrown)).doesNotContain(TOKEN);
  }

  // ---- request header values the JDK refuses ---------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"\u20ac", "\u007f", "\u0001"})
  void aTokenTheJdkRefusesToSendFailsNamingTheHeaderNotTheToken(String bad) {
    String token = TOKEN + bad;
    // from a supplier (a token from elsewhere): TokenSource.of refuses such a token when made
    PortalApiClient client =
        portal.toBuilder().tokenSource(TokenSource.fromSupplier(() -> token)).build();

    Throwable thrown = catchThrowable(() -> client.user().findById("usr_1"));

    assertThat(thrown).isInstanceOf(RuntimeException.class);
    assertThat(everythingSaidBy(thrown)).contains("Authorization").doesNotContain(TOKEN);
    assertThat(server.received()).isEmpty();
  }

  /** Messages and {@code toString()} of the exception, its causes and suppressed, all of them. */
  private static String everythingSaidBy(Throwable thrown) {
    List<String> said = new ArrayList<>();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> next = new ArrayList<>(List.of(thrown));
    while (!next.isEmpty()) {
      Throwable t = next.remove(next.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      said.add(t.toString());
      said.add(String.valueOf(t.getMessage()));
      next.add(t.getCause());
      next.addAll(List.of(t.getSuppressed()));
    }
    return String.join("\n", said);
  }
}
