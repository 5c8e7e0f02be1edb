package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.TokenException;
import com.winwinmbs.portal.api.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * Machine-to-machine tokens of one Spring Security {@code client_credentials} registration,
 * authorized for a fixed principal so the token is shared by the whole application, not kept per
 * user.
 *
 * <p>A valid cached token is read without locking; fetching is single-flight, so callers that find
 * no valid token wait for one token request instead of each sending their own. {@link #invalidate}
 * removes the authorized client only while it still holds the rejected token, so concurrent 401s
 * cause one new token request.
 */
final class AuthorizedClientTokenSource implements TokenSource {

  /** Principal name the portal's authorized client is stored under. */
  static final String PRINCIPAL_NAME = "portal-api-client";

  private static final Logger log = LoggerFactory.getLogger(AuthorizedClientTokenSource.class);

  private final PortalApiAuthorizedClientManager clients;

  private final String registrationId;

  private final Duration refreshSkew;

  private final Clock clock;

  private final ReentrantLock lock = new ReentrantLock();

  AuthorizedClientTokenSource(
      PortalApiAuthorizedClientManager clients,
      String registrationId,
      Duration refreshSkew,
      Clock clock) {
    this.clients = clients;
    this.registrationId = registrationId;
    this.refreshSkew = refreshSkew;
    this.clock = clock;
  }

  @Override
  public Optional<String> token() {
    String cached = validCachedToken();
    if (cached != null) {
      return Optional.of(cached);
    }
    this.lock.lock();
    try {
      cached = validCachedToken();
      if (cached != null) {
        return Optional.of(cached);
      }
      OAuth2AuthorizeRequest request =
          OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
              .principal(PRINCIPAL_NAME)
              .build();
      OAuth2AuthorizedClient client = this.clients.manager().authorize(request);
      if (client == null) {
        throw new TokenException(
            "Spring Security did not authorize the client registration '"
                + this.registrationId
                + "'; it must use the client_credentials grant",
            null);
      }
      log.debug("Fetched a client_credentials token for registration '{}'", this.registrationId);
      return Optional.of(client.getAccessToken().getTokenValue());
    } catch (OAuth2AuthorizationException ex) {
      throw new TokenException(
          "client_credentials token request for registration '"
              + this.registrationId
              + "' failed: "
              + ex.getError().getErrorCode()
              + (ex.getError().getDescription() == null
                  ? ""
                  : " (" + ex.getError().getDescription() + ")"),
          ex);
    } finally {
      this.lock.unlock();
    }
  }

  @Override
  public boolean canRefresh() {
    return true;
  }

  @Override
  public void invalidate(String rejectedToken) {
    this.lock.lock();
    try {
      OAuth2AuthorizedClient client = load();
      if (client != null && client.getAccessToken().getTokenValue().equals(rejectedToken)) {
        this.clients
            .authorizedClientService()
            .removeAuthorizedClient(this.registrationId, PRINCIPAL_NAME);
        log.debug("Removed the rejected token of registration '{}'", this.registrationId);
      }
    } finally {
      this.lock.unlock();
    }
  }

  private @Nullable String validCachedToken() {
    OAuth2AuthorizedClient client = load();
    if (client == null) {
      return null;
    }
    OAuth2AccessToken token = client.getAccessToken();
    Instant expiresAt = token.getExpiresAt();
    // the same test as Spring's ClientCredentialsOAuth2AuthorizedClientProvider, which gets the
    // same skew
    if (expiresAt != null && !this.clock.instant().isBefore(expiresAt.minus(this.refreshSkew))) {
      return null;
    }
    return token.getTokenValue();
  }

  private @Nullable OAuth2AuthorizedClient load() {
    return this.clients
        .authorizedClientService()
        .loadAuthorizedClient(this.registrationId, PRINCIPAL_NAME);
  }

  @Override
  public String toString() {
    return "AuthorizedClientTokenSource[registrationId=" + this.registrationId + "]";
  }
}
