package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.testing.TestClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@WireMockTest
class ErrorHandlingTests {

  private PortalApiClient portal;
  private RequestExecutor executor;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.builder(wm).maxAttempts(1).build();
    executor = TestClients.executor(portal);
  }

  private static void respond(WireMockRuntimeInfo wm, int status, String contentType, String body) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
  }

  private PortalApiException findUser(String id) {
    return catchThrowableOfType(
        PortalApiException.class,
        () -> executor.execute(Call.to(Endpoints.USER_FIND_BY_ID).path("id", id), Map.class));
  }

  @Test
  void portalEnvelopeIsDecodedIntoTheException(WireMockRuntimeInfo wm) {
    respond(
        wm,
        404,
        "application/json",
        """
        {"success":false,"error":{"code":"USER_NOT_FOUND","message":"User usr_9 does not exist",
         "details":{"id":"usr_9"},"timestamp":"2026-11-22T08:15:30.123Z","path":"/api/v1/users/usr_9",
         "method":"GET","statusCode":404,"requestId":"req_7Hq2"}}""");

    PortalApiException e = findUser("usr_9");

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.code()).isEqualTo("USER_NOT_FOUND");
    assertThat(e.errorMessage()).isEqualTo("User usr_9 does not exist");
    assertThat(e.details()).containsEntry("id", "usr_9");
    assertThat(e.timestamp()).isEqualTo("2026-11-22T08:15:30.123Z");
    assertThat(e.path()).isEqualTo("/api/v1/users/usr_9");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.requestId()).isEqualTo("req_7Hq2");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.rawBody()).contains("\"USER_NOT_FOUND\"");
    assertThat(e)
        .hasMessage(
            "404 USER_NOT_FOUND: User usr_9 does not exist [GET /api/v1/users/usr_9, requestId=req_7Hq2]");
  }

  @Test
  void guideEnvelopeWithFieldErrorsIsDecoded(WireMockRuntimeInfo wm) {
    respond(
        wm,
        400,
        "application/json",
        """
        {"error":"Validation Error","message":"Invalid input data","statusCode":400,
         "timestamp":"2025-11-03T10:00:00Z",
         "details":{"email":["Email is required","Invalid email format"],
                    "password":["Password must be at least 8 characters"]}}""");

    PortalApiException e = findUser("usr_1");

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.code()).isEqualTo("Validation Error");
    assertThat(e.errorMessage()).isEqualTo("Invalid input data");
    assertThat(e.timestamp()).isEqualTo("2025-11-03T10:00:00Z");
    assertThat(e.fieldErrors())
        .containsEntry("email", List.of("Email is required", "Invalid email format"))
        .containsEntry("password", List.of("Password must be at least 8 characters"));
    assertThat(e).hasMessage("400 Validation Error: Invalid input data [GET /users/usr_1]");
  }

  @Test
  void portalEnvelopeFieldDetailsBecomeFieldErrorsAndOtherDetailsStayDetails(
      WireMockRuntimeInfo wm) {
    respond(
        wm,
        422,
        "application/json",
        """
        {"success":false,"error":{"code":"VALIDATION_ERROR","message":"Validation failed",
         "details":{"email":"must be a well-formed email address","roles":["unknown role r_x"],"limit":50,
                    "nested":{"a":1}},
         "requestId":"req_v1"}}""");

    PortalApiException e = findUser("usr_1");

    assertThat(e).isInstanceOf(UnprocessableEntityException.class);
    assertThat(e.fieldErrors())
        .containsOnlyKeys("email", "roles")
        .containsEntry("email", List.of("must be a well-formed email address"));
    assertThat(e.details()).containsKeys("email", "roles", "limit", "nested");
  }

  @Test
  void requestIdFallsBackToTheResponseHeader(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "req_hdr")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"CONFLICT\",\"message\":\"Email already used\"}}")));

    PortalApiException e = findUser("usr_1");

    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.requestId()).isEqualTo("req_hdr");
    assertThat(e)
        .hasMessage("409 CONFLICT: Email already used [GET /users/usr_1, requestId=req_hdr]");
  }

  @Test
  void htmlPageFromAProxyGivesAClearExceptionWithoutAParseFailure(WireMockRuntimeInfo wm) {
    String html =
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
            + "</center><hr><center>nginx/1.25.3</center></body></html>";
    respond(wm, 502, "text/html", html);

    PortalApiException e = findUser("usr_1");

    assertThat(e).isExactlyInstanceOf(ServerException.class).hasNoCause();
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.code()).isNull();
    assertThat(e.rawBody()).isEqualTo(html);
    assertThat(e)
        .hasMessage(
            "502 Bad Gateway: the response was not JSON ("
                + html.length()
                + " characters) [GET /users/usr_1]");
  }

  @Test
  void truncatedJsonErrorBodyStillGivesTheStatusException(WireMockRuntimeInfo wm) {
    respond(wm, 500, "application/json", "{\"success\":false,\"error\":{\"code\":\"INTER");

    PortalApiException e = findUser("usr_1");

    assertThat(e).isInstanceOf(ServerException.class).hasNoCause();
    assertThat(e)
        .hasMessageStartingWith("500 Internal Server Error")
        .hasMessageContaining("[GET /users/usr_1]");
  }

  @Test
  void emptyErrorBodyGivesTheReasonPhrase(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(anyUrl()).willReturn(aResponse().withStatus(403)));

    PortalApiException e = findUser("usr_1");

    assertThat(e)
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessage("403 Forbidden [GET /users/usr_1]");
    assertThat(e.rawBody()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "400, com.winwinmbs.portal.api.BadRequestException",
    "401, com.winwinmbs.portal.api.AuthenticationException",
    "403, com.winwinmbs.portal.api.PermissionDeniedException",
    "404, com.winwinmbs.portal.api.NotFoundException",
    "409, com.winwinmbs.portal.api.ConflictException",
    "422, com.winwinmbs.portal.api.UnprocessableEntityException",
    "429, com.winwinmbs.portal.api.RateLimitException",
    "500, com.winwinmbs.portal.api.ServerException",
    "501, com.winwinmbs.portal.api.ServerException",
    "503, com.winwinmbs.portal.api.ServerException",
    "504, com.winwinmbs.portal.api.ServerException",
    "405, com.winwinmbs.portal.api.PortalApiException",
    "410, com.winwinmbs.portal.api.PortalApiException",
    "418, com.winwinmbs.portal.api.PortalApiException",
    "302, com.winwinmbs.portal.api.PortalApiException",
  })
  void eachStatusMapsToItsExceptionType(int status, Class<?> type, WireMockRuntimeInfo wm) {
    respond(
        wm,
        status,
        "application/json",
        "{\"success\":false,\"error\":{\"code\":\"E" + status + "\",\"message\":\"m\"}}");

    PortalApiException e = findUser("usr_1");

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e).hasMessageStartingWith(status + " E" + status + ": m");
  }

  @Test
  void redirectIsNotFollowedAndSaysSo(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            any(anyUrl())
                .willReturn(
                    aResponse()
                        .withStatus(302)
                        .withHeader("Location", "https://evil.example.net/steal?x=1")));

    PortalApiException e = findUser("usr_1");

    assertThat(e)
        .hasMessageContaining("redirects are not followed")
        .hasMessageContaining("https://evil.example.net")
        .hasMessageNotContaining("steal");
    assertThat(wm.getWireMock().getServeEvents()).hasSize(1);
  }

  @Test
  void envelopeReportingFailureWithStatus200IsAnException(WireMockRuntimeInfo wm) {
    respond(wm, 200, "application/json", "{\"success\":false,\"message\":\"Nothing done\"}");

    PortalApiException e = findUser("usr_1");

    assertThat(e.status()).isEqualTo(200);
    assertThat(e).hasMessageContaining("Nothing done").hasMessageContaining("success=false");
  }

  @Test
  void successBodyThatCannotBeDecodedIsAPortalApiExceptionNamingTheRoute(WireMockRuntimeInfo wm) {
    respond(wm, 200, "text/html", "<html>login page</html>");

    PortalApiException e = findUser("usr_1");

    assertThat(e.code()).isEqualTo("DECODE_ERROR");
    assertThat(e).hasMessageContaining("user.findById").hasMessageContaining("GET /users/{id}");
  }

  @Test
  void deleteAnswering204IsASuccess(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(any(anyUrl()).willReturn(aResponse().withStatus(204)));

    executor.executeVoid(Call.to(Endpoints.USER_DELETE).path("id", "usr_1"));
  }

  @Test
  void voidRouteReadsTheEnvelopeWhenThereIsOne(WireMockRuntimeInfo wm) {
    respond(
        wm,
        200,
        "application/json",
        "{\"success\":true,\"data\":null,\"message\":\"User deleted\"}");

    executor.executeVoid(Call.to(Endpoints.USER_DELETE).path("id", "usr_1"));

    respond(wm, 200, "application/json", "{\"success\":false,\"message\":\"User is protected\"}");
    assertThatThrownBy(
            () -> executor.executeVoid(Call.to(Endpoints.USER_DELETE).path("id", "usr_1")))
        .isInstanceOf(PortalApiException.class)
        .hasMessageContaining("User is protected");
  }

  @Test
  void exceptionMessagesNeverHoldCredentials(WireMockRuntimeInfo wm) {
    respond(
        wm,
        401,
        "application/json",
        "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"bad token\"}}");
    PortalApiClient withKey =
        TestClients.builder(wm).apiKey("app_key_secret_42").maxAttempts(1).build();

    Throwable e =
        catchThrowableOfType(AuthenticationException.class, () -> withKey.health().check());

    assertThat(e.getMessage()).doesNotContain(TestClients.TOKEN, "app_key_secret_42");
    assertThat(e.toString()).doesNotContain(TestClients.TOKEN, "app_key_secret_42");
  }
}
