package com.winwinmbs.portal.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.test.MockPortal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Boots the sample against its embedded mock portal and calls its endpoints over HTTP. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "sample.mock-portal.port=0")
class SampleApplicationTests {

  @LocalServerPort int port;

  @Autowired MockPortal portal;

  @Autowired com.winwinmbs.portal.api.http.PortalTransport transport;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void clientRunsOnTheStartersDefaultJdkTransport() {
    assertThat(transport)
        .isNotInstanceOf(com.winwinmbs.portal.api.autoconfigure.RestClientPortalTransport.class);
    assertThat(transport.toString()).startsWith("JdkHttpTransport[");
  }

  @Test
  void startupReportCalledThePortalWithAMachineToken() {
    assertThat(portal.tokensIssued()).isGreaterThanOrEqualTo(1);
    portal.verify(postRequestedFor(urlPathEqualTo("/users/search")));
    portal.assertNoContractViolations();
  }

  @Test
  void usersEndpointForwardsTheCallersToken() throws Exception {
    String token = fetchToken();

    HttpResponse<String> response = get("/api/users", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("somchai.k@winwinmbs.co.th");
    portal.verify(
        postRequestedFor(urlPathEqualTo("/users/search"))
            .withHeader("Authorization", equalTo("Bearer " + token)));
  }

  @Test
  void usersEndpointPassesOnThePortalsRefusalOfAnUnknownToken() throws Exception {
    HttpResponse<String> forged = get("/api/users", "Bearer forged");
    HttpResponse<String> none = get("/api/users", null);

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("INVALID_TOKEN");
    assertThat(none.statusCode()).isEqualTo(401);
  }

  @Test
  void healthShowsThePortalIndicator() throws Exception {
    HttpResponse<String> response = get("/actuator/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"portal\":{").contains("\"status\":\"UP\"");
  }

  @Test
  void metricsExposeThePortalClientRequests() throws Exception {
    HttpResponse<String> response = get("/actuator/metrics/portal.api.client.requests", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"name\":\"portal.api.client.requests\"")
        .contains("\"namespace\"")
        .contains("/users/search");
  }

  private String fetchToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(portal.tokenEndpoint()))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"client_credentials\",\"client_id\":\""
                            + MockPortal.CLIENT_ID
                            + "\",\"client_secret\":\""
                            + MockPortal.CLIENT_SECRET
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    int start = body.indexOf("\"access_token\":\"") + 16;
    return body.substring(start, body.indexOf('"', start));
  }

  private HttpResponse<String> get(String path, @Nullable String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
