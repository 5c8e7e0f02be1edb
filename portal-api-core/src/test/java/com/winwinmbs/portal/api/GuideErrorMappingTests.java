package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.mcptoken.CreateMcpTokenRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantRequest;
import com.winwinmbs.portal.api.tenant.TenantPlan;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integration guide's error format ({@code {error, message, statusCode, timestamp, details}}),
 * its status table and its rate-limit headers, read by the core exception hierarchy on the guide's
 * routes.
 */
@WireMockTest
class GuideErrorMappingTests {

  static Stream<Arguments> guideStatusTable() {
    return Stream.of(
        Arguments.of(400, "Bad Request", "Invalid input data", BadRequestException.class),
        Arguments.of(
            401,
            "Unauthorized",
            "Invalid credentials or expired token",
            AuthenticationException.class),
        Arguments.of(403, "Forbidden", "Insufficient permissions", PermissionDeniedException.class),
        Arguments.of(404, "Not Found", "Tenant not found", NotFoundException.class),
        Arguments.of(409, "Conflict", "Slug already taken", ConflictException.class),
        Arguments.of(
            422,
            "Unprocessable Entity",
            "SSO not available for Free plan",
            UnprocessableEntityException.class),
        Arguments.of(429, "Too Many Requests", "Rate limit exceeded", RateLimitException.class),
        Arguments.of(500, "Internal Server Error", "Server error", ServerException.class));
  }

  static RegisterTenantRequest acme() {
    return new RegisterTenantRequest(
        "Acme Corporation",
        "acme",
        "admin@acme.com",
        "SecurePassword123!",
        "John Doe",
        TenantPlan.PROFESSIONAL);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("guideStatusTable")
  void everyStatusOfTheGuideTableMapsOntoItsException(
      int status,
      String error,
      String message,
      Class<? extends PortalApiException> type,
      WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/tenants/register")
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            """
            {"error": "%s", "message": "%s", "statusCode": %d, "timestamp": "2025-11-03T10:00:00Z"}
            """
                                .formatted(error, message, status))));
    PortalApiClient portal = TestClients.builder(wm).maxAttempts(1).build();

    PortalApiException e = catchThrowableOfType(type, () -> portal.tenant().register(acme()));

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.code()).isEqualTo(error);
    assertThat(e.errorMessage()).isEqualTo(message);
    assertThat(e.timestamp()).isEqualTo("2025-11-03T10:00:00Z");
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.getMessage())
        .contains(String.valueOf(status))
        .contains(message)
        .doesNotContain("SecurePassword123!");
  }

  @Test
  void theGuideValidationExampleBecomesFieldErrors(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            post("/tenants/register")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.read("auth/validation-error.json"))));

    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class, () -> TestClients.client(wm).tenant().register(acme()));

    assertThat(e.code()).isEqualTo("Validation Error");
    assertThat(e.errorMessage()).isEqualTo("Invalid input data");
    assertThat(e.fieldErrors())
        .containsExactly(
            Map.entry("email", List.of("Email is required", "Invalid email format")),
            Map.entry("password", List.of("Password must be at least 8 characters")));
  }

  @Test
  void theGuideRateLimitHeadersBecomeRateLimit(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get(urlPathEqualTo("/tenants/check-slug"))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "95")
                        .withHeader("X-RateLimit-Reset", "1699000000")
                        .withBody(Fixtures.read("tenant/check-slug.json"))));
    wm.getWireMock()
        .register(
            post("/mcp/tokens")
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "1699000000")
                        .withBody(
                            "{\"error\": \"Too Many Requests\", \"message\": \"Rate limit exceeded\", \"statusCode\": 429}")));
    PortalApiClient portal = TestClients.builder(wm).maxAttempts(1).build();

    portal.tenant().checkSlug("acme");

    assertThat(portal.lastRateLimit())
        .contains(new RateLimit(100, 95, Instant.ofEpochSecond(1699000000)));

    CreateMcpTokenRequest request =
        new CreateMcpTokenRequest("Claude AI Agent", Map.of("issues", List.of("read")));
    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> portal.mcpToken().create(request));

    assertThat(e.rateLimit()).contains(new RateLimit(100, 0, Instant.ofEpochSecond(1699000000)));
    assertThat(portal.lastRateLimit())
        .contains(new RateLimit(100, 0, Instant.ofEpochSecond(1699000000)));
  }
}
