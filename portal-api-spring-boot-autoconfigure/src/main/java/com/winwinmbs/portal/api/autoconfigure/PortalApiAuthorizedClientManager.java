package com.winwinmbs.portal.api.autoconfigure;

import java.util.Objects;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * The Spring Security pieces the portal client's machine-to-machine tokens come from: an {@link
 * OAuth2AuthorizedClientManager} that works outside HTTP requests and the {@link
 * OAuth2AuthorizedClientService} it keeps authorized clients in (a rejected token is removed
 * there).
 *
 * <p>A type of its own rather than an {@code OAuth2AuthorizedClientManager} bean, so it never
 * becomes (or displaces) the application's manager, which Spring Security looks up by type. Define
 * a bean of this type to replace the auto-configured one, for example to use another token response
 * client:
 *
 * <pre>{@code
 * @Bean
 * PortalApiAuthorizedClientManager portalApiAuthorizedClientManager(ClientRegistrationRepository registrations,
 *     OAuth2AuthorizedClientService clients) {
 *   AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
 *       new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
 *   manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
 *   return new PortalApiAuthorizedClientManager(manager, clients);
 * }
 * }</pre>
 */
public final class PortalApiAuthorizedClientManager {

  private final OAuth2AuthorizedClientManager manager;

  private final OAuth2AuthorizedClientService authorizedClientService;

  /**
   * @param manager authorizes the portal's registration; an {@link
   *     AuthorizedClientServiceOAuth2AuthorizedClientManager} for use outside HTTP requests
   * @param authorizedClientService where {@code manager} stores authorized clients
   */
  public PortalApiAuthorizedClientManager(
      OAuth2AuthorizedClientManager manager,
      OAuth2AuthorizedClientService authorizedClientService) {
    this.manager = Objects.requireNonNull(manager, "manager == null");
    this.authorizedClientService =
        Objects.requireNonNull(authorizedClientService, "authorizedClientService == null");
  }

  /** The manager that authorizes the portal's registration. */
  public OAuth2AuthorizedClientManager manager() {
    return this.manager;
  }

  /** Where the manager stores authorized clients. */
  public OAuth2AuthorizedClientService authorizedClientService() {
    return this.authorizedClientService;
  }
}
