package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.testing.LogCapture;
import com.winwinmbs.portal.api.testing.TestClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Log forging: what the server writes into an error (message, code, request id, path, method,
 * timestamp, the details' messages) reaches exception messages and the callers' log lines with its
 * control characters escaped; {@code rawBody()} keeps the body as received.
 */
@WireMockTest
class ErrorTextEscapingTests {

  /** JSON escapes: the decoded strings hold CR, LF, ESC, BEL, DEL, a C1 CSI and U+2028. */
  private static final String PORTAL_ERROR =
      """
      {"success":false,"error":{
        "code":"NOT_FOUND\\r\\n2030-01-01 INFO forged",
        "message":"User not found\\n2030-01-01 12:00:00 INFO admin logged in \\u001b[31mred\\u001b[0m \\u001b]0;title\\u0007 \\u007f\\u009b2J \\u2028",
        "requestId":"req_1\\r\\nINFO forged request",
        "path":"/users/\\u001b[2Jcleared",
        "method":"GET\\n",
        "timestamp":"2025-11-03T10:00:00Z\\n",
        "details":{"email\\n":["must be valid\\r\\nWARN forged"],"nested":{"reason":"\\u001b[1mbold"}}}}""";

  private static final String GUIDE_ERROR =
      """
      {"error":"Bad Request\\r\\nforged","message":"Validation failed\\n\\u001b[31m","statusCode":400,
       "details":{"name":"is required\\n"}}""";

  @Test
  void controlCharactersTheServerWroteAreEscapedInTheMessageAndTheFieldsButNotInTheRawBody(
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PORTAL_ERROR)));
    PortalApiClient portal = TestClients.client(wm);

    NotFoundException e;
    List<ILoggingEvent> events;
    try (LogCapture logs = LogCapture.start()) {
      e = catchThrowableOfType(NotFoundException.class, () -> portal.user().findById("usr_1"));
      events = logs.events();
    }

    assertThat(e.getMessage())
        .isEqualTo(
            "404 NOT_FOUND\\r\\n2030-01-01 INFO forged: User not found\\n2030-01-01 12:00:00 INFO"
                + " admin logged in \\u001b[31mred\\u001b[0m \\u001b]0;title\\u0007 \\u007f\\u009b2J"
                + " \\u2028 [GET\\n /users/\\u001b[2Jcleared, requestId=req_1\\r\\nINFO forged"
                + " request]");
    assertThat(e.code()).isEqualTo("NOT_FOUND\\r\\n2030-01-01 INFO forged");
    assertThat(e.requestId()).isEqualTo("req_1\\r\\nINFO forged request");
    assertThat(e.path()).isEqualTo("/users/\\u001b[2Jcleared");
    assertThat(e.timestamp()).isEqualTo("2025-11-03T10:00:00Z\\n");
    assertThat(e.fieldErrors())
        .isEqualTo(Map.of("email\\n", List.of("must be valid\\r\\nWARN forged")));
    assertThat(e.details().get("nested")).isEqualTo(Map.of("reason", "\\u001b[1mbold"));
    assertThat(e.rawBody()).isEqualTo(PORTAL_ERROR);
    for (String shown : List.of(e.getMessage(), e.toString(), e.error().toString())) {
      assertNoControlCharacters(shown);
    }
    assertThat(events).isNotEmpty();
    for (ILoggingEvent event : events) {
      assertNoControlCharacters(event.getFormattedMessage());
    }
  }

  @Test
  void theGuidesFormatIsEscapedToo(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/auth/login")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GUIDE_ERROR)));
    PortalApiClient portal = TestClients.client(wm);

    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class, () -> portal.auth().login("a@example.com", "pw", false));

    assertThat(e.getMessage())
        .startsWith("400 Bad Request\\r\\nforged: Validation failed\\n\\u001b[31m [POST ");
    assertThat(e.fieldErrors()).isEqualTo(Map.of("name", List.of("is required\\n")));
    assertThat(e.rawBody()).isEqualTo(GUIDE_ERROR);
    assertNoControlCharacters(e.getMessage());
  }

  @Test
  void aPasswordWithAControlCharacterEchoedInAnErrorIsStillCutOut(WireMockRuntimeInfo wm) {
    String password = "Tab\tSeparated-Passw0rd";
    wm.getWireMock()
        .register(
            post("/auth/login")
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":\"Unauthorized\",\"message\":\"wrong password Tab\\tSeparated-Passw0rd\",\"statusCode\":401}")));
    PortalApiClient portal = TestClients.client(wm);

    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> portal.auth().login("a@example.com", password, false));

    assertThat(e.getMessage()).contains("wrong password [REDACTED]").doesNotContain("Separated");
    assertThat(e.errorMessage()).doesNotContain("Separated");
  }

  private static void assertNoControlCharacters(String text) {
    assertThat(text.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028))
        .as("control characters in %s", text)
        .isEmpty();
  }
}
