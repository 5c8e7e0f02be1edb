package com.winwinmbs.portal.api.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests {@code client_credentials} tokens from the portal's JSON token endpoint: Spring Security
 * only speaks the RFC 6749 form, the portal expects {@code {grant_type, client_id, client_secret,
 * scope?}} as JSON, as the TypeScript client sends it.
 *
 * <p>The client secret travels in the body whatever the registration's client authentication
 * method; a response without {@code token_type} is read as a bearer token and one without {@code
 * expires_in} as valid for an hour, as the TypeScript client does.
 *
 * <pre>{@code
 * OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
 *     .clientCredentials((c) -> c.accessTokenResponseClient(new JsonClientCredentialsTokenResponseClient()))
 *     .build();
 * }</pre>
 */
public final class JsonClientCredentialsTokenResponseClient
    implements OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

  private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

  private static final int MAX_DETAIL = 512;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RestClient restClient;

  private final DefaultMapOAuth2AccessTokenResponseConverter converter =
      new DefaultMapOAuth2AccessTokenResponseConverter();

  /** A client with a default {@link RestClient}. */
  public JsonClientCredentialsTokenResponseClient() {
    this(RestClient.create());
  }

  /** A client that sends token requests with the given {@link RestClient}. */
  public JsonClientCredentialsTokenResponseClient(RestClient restClient) {
    this.restClient = Objects.requireNonNull(restClient, "restClient == null");
  }

  @Override
  public OAuth2AccessTokenResponse getTokenResponse(
      OAuth2ClientCredentialsGrantRequest grantRequest) {
    Objects.requireNonNull(grantRequest, "grantRequest == null");
    ClientRegistration registration = grantRequest.getClientRegistration();
    String tokenUri = registration.getProviderDetails().getTokenUri();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "client_credentials");
    body.put("client_id", registration.getClientId());
    body.put("client_secret", registration.getClientSecret());
    // Spring Security 7.0 leaves the scopes of a registration without any null, 7.1 empty
    if (!CollectionUtils.isEmpty(registration.getScopes())) {
      body.put("scope", StringUtils.collectionToDelimitedString(registration.getScopes(), " "));
    }
    byte[] json = JSON.writeValueAsBytes(body);
    try {
      return this.restClient
          .post()
          .uri(tokenUri)
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(json)
          .exchange(
              (request, response) -> {
                int status = response.getStatusCode().value();
                byte[] bytes = response.getBody().readAllBytes();
                if (status < 200 || status >= 300) {
                  throw failure(status, bytes, registration.getClientSecret());
                }
                return toTokenResponse(bytes, status);
              });
    } catch (RestClientException ex) {
      throw new OAuth2AuthorizationException(
          new OAuth2Error(
              INVALID_TOKEN_RESPONSE,
              "The token request to " + tokenUri + " failed: " + ex.getClass().getSimpleName(),
              null),
          ex);
    }
  }

  @SuppressWarnings("unchecked")
  private OAuth2AccessTokenResponse toTokenResponse(byte[] bytes, int status) {
    Map<String, Object> read;
    try {
      read = JSON.readValue(bytes, Map.class);
    } catch (JacksonException ex) {
      throw new OAuth2AuthorizationException(
          new OAuth2Error(
              INVALID_TOKEN_RESPONSE,
              "The token response (HTTP " + status + ") was not a JSON object",
              null),
          ex);
    }
    if (read == null) {
      throw new OAuth2AuthorizationException(
          new OAuth2Error(
              INVALID_TOKEN_RESPONSE, "The token response (HTTP " + status + ") was empty", null));
    }
    Map<String, Object> parameters = new LinkedHashMap<>(read);
    Object accessToken = parameters.get("access_token");
    if (!(accessToken instanceof String value) || value.isBlank()) {
      throw new OAuth2AuthorizationException(
          new OAuth2Error(
              INVALID_TOKEN_RESPONSE,
              "The token response (HTTP " + status + ") did not include an access_token",
              null));
    }
    parameters.putIfAbsent("token_type", "Bearer");
    parameters.putIfAbsent("expires_in", 3600);
    try {
      return this.converter.convert(parameters);
    } catch (IllegalArgumentException ex) {
      throw new OAuth2AuthorizationException(
          new OAuth2Error(
              INVALID_TOKEN_RESPONSE,
              "The token response could not be read: " + ex.getMessage(),
              null),
          ex);
    }
  }

  /** An error from an RFC 6749 error body or the portal's error envelope, the secret scrubbed. */
  private static OAuth2AuthorizationException failure(
      int status, byte[] bytes, @Nullable String secret) {
    String code = null;
    String description = null;
    try {
      Map<?, ?> json = JSON.readValue(bytes, Map.class);
      Object error = json == null ? null : json.get("error");
      if (error instanceof String text) {
        code = text;
        description = stringOrNull(json.get("error_description"));
        if (description == null) {
          description = stringOrNull(json.get("message"));
        }
      } else if (error instanceof Map<?, ?> envelope) {
        code = stringOrNull(envelope.get("code"));
        description = stringOrNull(envelope.get("message"));
      }
    } catch (JacksonException ex) {
      // not JSON (a proxy's HTML page): the status alone says enough
    }
    String detail =
        "The token endpoint answered HTTP "
            + status
            + (description == null ? "" : ": " + description);
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL) + "…";
    }
    if (secret != null && !secret.isEmpty()) {
      detail = detail.replace(secret, "[REDACTED]");
    }
    return new OAuth2AuthorizationException(
        new OAuth2Error(code == null ? INVALID_TOKEN_RESPONSE : code, detail, null));
  }

  private static @Nullable String stringOrNull(@Nullable Object value) {
    return value == null ? null : value.toString();
  }
}
