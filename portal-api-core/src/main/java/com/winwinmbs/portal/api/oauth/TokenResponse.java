package com.winwinmbs.portal.api.oauth;

import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.Printable;
import com.winwinmbs.portal.api.internal.Redaction;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A token endpoint's answer, read: the access token and its lifetime, or the {@link TokenException}
 * that says what was wrong with it, with the client secret cut out of any detail the server echoed.
 *
 * @param accessToken the token; never printed
 * @param expiresIn its lifetime in seconds, 3600 when the answer gives none (as the TypeScript
 *     client)
 */
record TokenResponse(String accessToken, long expiresIn) {

  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
  private static final int MAX_DETAIL = 2048;

  /**
   * Reads an answer already bounded in size.
   *
   * @param secretForms every form of the client secret a server could echo
   * @throws TokenException for a status other than 2xx, a body that is not JSON, or no access token
   */
  static TokenResponse read(int status, byte[] body, URI endpoint, List<String> secretForms) {
    if (status < 200 || status >= 300) {
      String detail = detail(body, secretForms);
      log.debug("client_credentials token request to {} failed with HTTP {}", endpoint, status);
      throw new TokenException(
          ("client_credentials token request failed (HTTP " + status + ") " + detail).trim(),
          status,
          null);
    }
    JsonNode json;
    try {
      json = PortalJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new TokenException(
          "client_credentials response of " + endpoint + " (HTTP " + status + ") was not JSON",
          status,
          null);
    }
    JsonNode accessToken = json == null ? null : json.get("access_token");
    if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
      throw new TokenException(
          "client_credentials response did not include an access_token", status, null);
    }
    long expiresIn = 3600;
    JsonNode expires = json.get("expires_in");
    if (expires != null && expires.isNumber()) {
      // a fraction is cut off; a number past the range of a long stops at its end
      expiresIn = expires.canConvertToLong() ? expires.asLong() : (long) expires.asDouble();
    } else if (expires != null && expires.isString()) {
      try {
        expiresIn = Long.parseLong(expires.asString().trim());
      } catch (NumberFormatException ignored) {
        // keep the default, as the TypeScript client does for a missing value
      }
    }
    return new TokenResponse(accessToken.asString(), expiresIn);
  }

  /**
   * The response detail for a failure message: compact JSON when JSON (as the TypeScript client),
   * with the client secret removed in every form a server could echo it in (as sent, escaped in
   * JSON, form-encoded, inside the Basic credentials), control characters escaped, cut at 2 KB.
   */
  private static String detail(byte[] body, List<String> secretForms) {
    String text;
    try {
      JsonNode json = PortalJson.MAPPER.readTree(body);
      text = json == null || json.isMissingNode() ? "" : PortalJson.MAPPER.writeValueAsString(json);
    } catch (JacksonException e) {
      text = "";
    }
    String scrubbed = Redaction.scrub(text, secretForms);
    text = Printable.escape(scrubbed == null ? "" : scrubbed);
    if (text.length() > MAX_DETAIL) {
      text = text.substring(0, MAX_DETAIL) + "…";
    }
    return text;
  }

  @Override
  public String toString() {
    return "TokenResponse[accessToken=[REDACTED], expiresIn=" + expiresIn + "]";
  }
}
