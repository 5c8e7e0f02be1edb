package com.winwinmbs.portal.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportRequestTests {

  @Test
  void toStringHoldsNoCredentials() {
    Endpoint endpoint = Endpoint.portal("user", "findById", HttpMethod.GET, "/users/{id}");
    Headers headers =
        Headers.builder()
            .set("Authorization", "Bearer eyJ.very.secret")
            .set("X-API-Key", "app_key_abc")
            .set("Cookie", "sid=cookie-secret")
            .set("X-Tenant-Id", "tenant-1")
            .build();
    RequestBody body =
        RequestBody.of(
            "{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8), "application/json");
    TransportRequest request =
        new TransportRequest(
            endpoint,
            HttpMethod.GET,
            URI.create("https://api.winwinmbs.com/users/usr_1"),
            Map.of("id", "usr_1"),
            headers,
            body,
            Duration.ofSeconds(5));

    String text = request.toString();

    assertThat(text)
        .doesNotContain("eyJ.very.secret", "app_key_abc", "cookie-secret", "hunter2")
        .contains("[REDACTED]")
        .contains("/users/{id}")
        .contains("tenant-1");
    assertThat(request.uriTemplate()).isEqualTo("/users/{id}");
  }

  @Test
  void pathVariablesAreCopied() {
    java.util.HashMap<String, String> variables = new java.util.HashMap<>(Map.of("id", "usr_1"));
    TransportRequest request =
        new TransportRequest(
            Endpoint.portal("user", "findById", HttpMethod.GET, "/users/{id}"),
            HttpMethod.GET,
            URI.create("https://api.winwinmbs.com/users/usr_1"),
            variables,
            Headers.empty(),
            null,
            Duration.ofSeconds(1));

    variables.put("id", "changed");

    assertThat(request.pathVariables()).containsEntry("id", "usr_1");
  }
}
