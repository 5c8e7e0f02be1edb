package com.winwinmbs.portal.api.oauth;

import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.HttpMethod;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.Version;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code client_credentials} token request in either format: the portal's JSON body with the
 * client's id and secret in it, or RFC 6749's form with the secret in {@code client_secret_basic}
 * credentials.
 */
final class TokenRequest {

  private static final Endpoint TOKEN =
      new Endpoint("oauth", "token", HttpMethod.POST, "/oauth/token", false, false);

  private TokenRequest() {}

  static TransportRequest of(
      TokenRequestFormat format,
      URI endpoint,
      String clientId,
      String clientSecret,
      @Nullable String scope,
      Duration timeout) {
    Headers.Builder headers =
        Headers.builder().set("Accept", "application/json").set("User-Agent", Version.userAgent());
    byte[] body;
    String contentType;
    if (format == TokenRequestFormat.JSON) {
      Map<String, String> json = new LinkedHashMap<>();
      json.put("grant_type", "client_credentials");
      json.put("client_id", clientId);
      json.put("client_secret", clientSecret);
      if (scope != null) {
        json.put("scope", scope);
      }
      body = PortalJson.MAPPER.writeValueAsBytes(json);
      contentType = "application/json";
    } else {
      String form =
          "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + formEncode(scope));
      body = form.getBytes(StandardCharsets.US_ASCII);
      contentType = "application/x-www-form-urlencoded";
      headers.set("Authorization", "Basic " + basicCredentials(clientId, clientSecret));
    }
    headers.set("Content-Type", contentType);
    return new TransportRequest(
        TOKEN,
        HttpMethod.POST,
        endpoint,
        Map.of(),
        headers.build(),
        RequestBody.of(body, contentType),
        timeout);
  }

  /** {@code client_secret_basic}: both parts form-encoded (RFC 6749 §2.3.1), then Base64. */
  static String basicCredentials(String clientId, String clientSecret) {
    String credentials = formEncode(clientId) + ":" + formEncode(clientSecret);
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
