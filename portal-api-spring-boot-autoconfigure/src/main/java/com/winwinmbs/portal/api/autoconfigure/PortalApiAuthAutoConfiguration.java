package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.reactive.ConfigurableReactiveWebEnvironment;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the {@link TokenSource} of the portal client, chosen by {@code
 * portal.api.auth.*}: a static token, machine-to-machine tokens (through Spring Security's OAuth2
 * client when a registration id is set, else the core {@link ClientCredentialsTokenProvider}), the
 * current user's token, or both. Contributes at most one bean, {@code portalApiTokenSource}, and
 * none when the application defines a {@code TokenSource}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
      "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration"
    })
@EnableConfigurationProperties(PortalApiProperties.class)
public final class PortalApiAuthAutoConfiguration {

  static final String TOKEN_SOURCE_BEAN_NAME = "portalApiTokenSource";

  private static final String AUTHORIZED_CLIENT_MANAGER =
      "org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager";

  private static final String CLIENT_REGISTRATION_REPOSITORY =
      "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository";

  /** {@code portal.api.auth.token} sent as is. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnStaticModeCondition.class)
  static class StaticTokenConfiguration {

    @Bean(TOKEN_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(TokenSource.class)
    TokenSource portalApiTokenSource(PortalApiProperties properties, ApplicationContext context) {
      PortalApiProperties.Auth auth = properties.getAuth();
      requireModeBuiltFor(new OnStaticModeCondition(), "the 'static' mode", auth, context);
      return staticToken(auth);
    }
  }

  /** The token of the 'static' mode. */
  static TokenSource staticToken(PortalApiProperties.Auth auth) {
    if (!hasText(auth.getToken())) {
      throw new PortalApiConfigurationException(
          "portal.api.auth.mode is 'static' but portal.api.auth.token is not set.",
          "Set portal.api.auth.token, or choose another portal.api.auth.mode.");
    }
    if (auth.getMode() == null
        && (hasText(auth.getRegistrationId()) || hasText(auth.getClientId()))) {
      throw new PortalApiConfigurationException(
          "portal.api.auth.token is set together with machine-to-machine credentials ("
              + (hasText(auth.getRegistrationId()) ? "registration-id" : "client-id")
              + "), so it is unclear which to use.",
          "Remove one of them, or set portal.api.auth.mode to 'static' or 'client-credentials'.");
    }
    return TokenSource.of(auth.getToken());
  }

  /** The current user's token, read at every call. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnForwardModeCondition.class)
  static class ForwardTokenConfiguration {

    @Bean(TOKEN_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(TokenSource.class)
    TokenSource portalApiTokenSource(PortalApiProperties properties, ApplicationContext context) {
      PortalApiProperties.Auth auth = properties.getAuth();
      requireModeBuiltFor(new OnForwardModeCondition(), "the 'forward' mode", auth, context);
      return forwardToken(context);
    }
  }

  /** The token of the 'forward' mode. */
  static TokenSource forwardToken(ApplicationContext context) {
    requireThreadBoundUser(AuthMode.FORWARD, context);
    return CurrentUserTokenSource.create(context.getClassLoader(), "forward");
  }

  /** Machine tokens through Spring Security's OAuth2 client, for a registration id. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({
    AuthorizedClientServiceOAuth2AuthorizedClientManager.class,
    ClientRegistrationRepository.class
  })
  @Conditional(OnSpringSecurityMachineTokensCondition.class)
  @ConditionalOnMissingBean(TokenSource.class)
  static class SpringSecurityClientCredentialsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PortalApiAuthorizedClientManager portalApiAuthorizedClientManager(
        PortalApiProperties properties,
        ObjectProvider<ClientRegistrationRepository> registrations,
        ObjectProvider<ReactiveClientRegistrationRepository> reactiveRegistrations,
        ObjectProvider<OAuth2AuthorizedClientService> authorizedClientService,
        ApplicationContext context) {
      PortalApiProperties.Auth auth = properties.getAuth();
      requireModeBuiltFor(
          new OnSpringSecurityMachineTokensCondition(),
          "machine tokens from a Spring Security registration",
          auth,
          context);
      return authorizedClientManager(
          properties,
          registrations.getIfAvailable(),
          reactiveRegistrations.getIfAvailable(),
          authorizedClientService.getIfAvailable(),
          new PortalTransports(context).tokenRequestFactory(properties),
          context);
    }

    /**
     * The manager of the machine tokens of {@code portal.api.auth.registration-id}, its token
     * requests sent with this request factory.
     */
    static PortalApiAuthorizedClientManager authorizedClientManager(
        PortalApiProperties properties,
        @Nullable ClientRegistrationRepository registrations,
        @Nullable ReactiveClientRegistrationRepository reactiveRegistrations,
        @Nullable OAuth2AuthorizedClientService authorizedClientService,
        ClientHttpRequestFactory requestFactory,
        ApplicationContext context) {
      PortalApiProperties.Auth auth = properties.getAuth();
      if (auth.effectiveMode() == AuthMode.HYBRID) {
        requireThreadBoundUser(AuthMode.HYBRID, context);
      }
      String registrationId = auth.getRegistrationId();
      requireOneKindOfCredentials(auth);
      rejectSettingsTheRegistrationOwns(auth);
      ClientRegistrationRepository blocking = registrations;
      ReactiveClientRegistrationRepository reactive =
          (blocking != null) ? null : reactiveRegistrations;
      // A reactive application keeps its registrations in a reactive repository; machine tokens
      // are fetched by the blocking manager below, so it gets the one registration it needs.
      ClientRegistrationRepository repository =
          (reactive != null) ? ReactiveRegistrations.blocking(reactive, registrationId) : blocking;
      ClientRegistration registration =
          repository == null ? null : repository.findByRegistrationId(registrationId);
      if (registration == null) {
        throw unknownRegistration(registrationId, repository, reactive);
      }
      if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
          registration.getAuthorizationGrantType())) {
        throw new PortalApiConfigurationException(
            "portal.api.auth.registration-id is '"
                + registrationId
                + "', but that registration uses the '"
                + registration.getAuthorizationGrantType().getValue()
                + "' grant; machine-to-machine tokens need 'client_credentials'.",
            "Set spring.security.oauth2.client.registration."
                + registrationId
                + ".authorization-grant-type to client_credentials, or point portal.api.auth.registration-id at "
                + "a client_credentials registration.");
      }
      requireClientSecret(registration);
      requireSecureTokenUri(registration, properties);
      OAuth2AuthorizedClientService clients =
          (authorizedClientService != null)
              ? authorizedClientService
              : new InMemoryOAuth2AuthorizedClientService(repository);
      OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> fetching =
          tokenResponseClient(auth.getTokenFormat(), requestFactory);
      // each token fetched is an event of the portal call that needed it (token.fetches)
      OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokenClient =
          (request) -> {
            OAuth2AccessTokenResponse response = fetching.getTokenResponse(request);
            TokenSource.recordFetch();
            return response;
          };
      OAuth2AuthorizedClientProvider provider =
          OAuth2AuthorizedClientProviderBuilder.builder()
              .clientCredentials(
                  (c) -> c.accessTokenResponseClient(tokenClient).clockSkew(auth.getRefreshSkew()))
              .build();
      AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
          new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, clients);
      manager.setAuthorizedClientProvider(provider);
      return new PortalApiAuthorizedClientManager(manager, clients);
    }

    @Bean(TOKEN_SOURCE_BEAN_NAME)
    TokenSource portalApiTokenSource(
        PortalApiProperties properties,
        PortalApiAuthorizedClientManager clients,
        ApplicationContext context) {
      PortalApiProperties.Auth auth = properties.getAuth();
      requireModeBuiltFor(
          new OnSpringSecurityMachineTokensCondition(),
          "machine tokens from a Spring Security registration",
          auth,
          context);
      return tokenSource(auth, clients, context);
    }

    /** The machine tokens of the manager, with the user's in hybrid mode. */
    static TokenSource tokenSource(
        PortalApiProperties.Auth auth,
        PortalApiAuthorizedClientManager clients,
        ApplicationContext context) {
      TokenSource machine =
          new AuthorizedClientTokenSource(
              clients, auth.getRegistrationId(), auth.getRefreshSkew(), Clock.systemUTC());
      return withUser(auth, machine, context);
    }

    /** The machine tokens of a named client's {@code auth.registration-id}. */
    static TokenSource namedClientTokens(
        PortalApiProperties properties, ApplicationContext context) {
      PortalApiAuthorizedClientManager manager =
          authorizedClientManager(
              properties,
              context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable(),
              context.getBeanProvider(ReactiveClientRegistrationRepository.class).getIfAvailable(),
              context.getBeanProvider(OAuth2AuthorizedClientService.class).getIfAvailable(),
              new PortalTransports(context).tokenRequestFactory(properties),
              context);
      return tokenSource(properties.getAuth(), manager, context);
    }

    /**
     * The registration's token-uri receives the client secret: plain http to it follows the rule
     * for the portal's own URL (loopback, or portal.api.allow-insecure-http).
     */
    private static void requireSecureTokenUri(
        ClientRegistration registration, PortalApiProperties properties) {
      String tokenUri = registration.getProviderDetails().getTokenUri();
      if (properties.isAllowInsecureHttp() || !hasText(tokenUri)) {
        return;
      }
      URI uri = URI.create(tokenUri.trim());
      if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        return;
      }
      if (!PortalApiPropertiesMapper.isLoopback(tokenUri)) {
        throw new PortalApiConfigurationException(
            "The token-uri of registration '"
                + registration.getRegistrationId()
                + "' uses plain http to "
                + uri.getHost()
                + ", so the client secret would travel unencrypted.",
            "Use an https token-uri, or set portal.api.allow-insecure-http=true on a trusted network.");
      }
    }

    /**
     * The token response client on a request factory with the portal's timeouts: the default ones
     * of Spring Security have no read timeout, so a token endpoint that never answers would hold
     * every portal call.
     */
    private static OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest>
        tokenResponseClient(
            @Nullable TokenRequestFormat format, ClientHttpRequestFactory requestFactory) {
      if (format == TokenRequestFormat.JSON) {
        return new JsonClientCredentialsTokenResponseClient(
            RestClient.builder().requestFactory(requestFactory).build());
      }
      // Spring Security's own RestClient, with the request factory added
      RestClient restClient =
          RestClient.builder()
              .configureMessageConverters(
                  (converters) ->
                      converters
                          .addCustomConverter(new FormHttpMessageConverter())
                          .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
              .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
              .requestFactory(requestFactory)
              .build();
      RestClientClientCredentialsTokenResponseClient client =
          new RestClientClientCredentialsTokenResponseClient();
      client.setRestClient(restClient);
      return client;
    }

    /**
     * Settings a registration takes from spring.security.oauth2.client.*, which would silently not
     * apply.
     */
    private static void rejectSettingsTheRegistrationOwns(PortalApiProperties.Auth auth) {
      List<String> ignored = new ArrayList<>();
      if (hasText(auth.getClientSecret())) {
        ignored.add("client-secret");
      }
      if (PortalApiPropertiesMapper.scope(auth.getScope()) != null) {
        ignored.add("scope");
      }
      if (hasText(auth.getTokenEndpoint())) {
        ignored.add("token-endpoint");
      }
      if (!ignored.isEmpty()) {
        String id = auth.getRegistrationId();
        throw new PortalApiConfigurationException(
            "portal.api.auth.registration-id is set, so portal.api.auth."
                + String.join(", portal.api.auth.", ignored)
                + " would not apply: the registration has its own.",
            "Set client-secret, scope and the provider's token-uri under spring.security.oauth2.client.registration."
                + id
                + " and spring.security.oauth2.client.provider, and remove them from portal.api.auth.");
      }
    }

    /**
     * A registration whose client authentication sends a secret must have one; without it, the
     * application would start and fail at its first portal call.
     */
    private static void requireClientSecret(ClientRegistration registration) {
      ClientAuthenticationMethod method = registration.getClientAuthenticationMethod();
      boolean sendsSecret =
          ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
              || ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)
              || ClientAuthenticationMethod.CLIENT_SECRET_JWT.equals(method);
      if (sendsSecret && !hasText(registration.getClientSecret())) {
        String id = registration.getRegistrationId();
        throw new PortalApiConfigurationException(
            "The OAuth2 client registration '"
                + id
                + "' (portal.api.auth.registration-id) has no client secret: "
                + "spring.security.oauth2.client.registration."
                + id
                + ".client-secret is not set, and its client authentication method '"
                + method.getValue()
                + "' sends one with every token request.",
            "Set spring.security.oauth2.client.registration."
                + id
                + ".client-secret (from an environment variable or a secret store), or set its "
                + "client-authentication-method to one that needs no secret, such as private_key_jwt.");
      }
    }

    private static PortalApiConfigurationException unknownRegistration(
        String registrationId,
        @Nullable ClientRegistrationRepository repository,
        @Nullable ReactiveClientRegistrationRepository reactive) {
      List<String> known = new ArrayList<>();
      for (Object source : new Object[] {repository, reactive}) {
        if (source instanceof Iterable<?> iterable) {
          for (Object each : iterable) {
            if (each instanceof ClientRegistration registration
                && !known.contains(registration.getRegistrationId())) {
              known.add(registration.getRegistrationId());
            }
          }
        }
      }
      String stack =
          (reactive != null)
              ? " on the reactive stack (its ReactiveClientRegistrationRepository)"
              : "";
      return new PortalApiConfigurationException(
          "portal.api.auth.registration-id is '"
              + registrationId
              + "', but no OAuth2 client registration"
              + stack
              + " has that id"
              + (known.isEmpty()
                  ? " (none is configured)."
                  : " (configured: " + String.join(", ", known) + ")."),
          "Configure spring.security.oauth2.client.registration."
              + registrationId
              + ".* (client-id, client-secret, authorization-grant-type: client_credentials) and its provider's "
              + "token-uri, or set portal.api.auth.registration-id to one of the configured registrations.");
    }
  }

  /** Machine tokens from the core provider, configured by {@code portal.api.auth.*}. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnCoreMachineTokensCondition.class)
  static class CoreClientCredentialsConfiguration {

    @Bean(TOKEN_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(TokenSource.class)
    TokenSource portalApiTokenSource(
        PortalApiProperties properties,
        ObjectProvider<PortalTransport> transport,
        ApplicationContext context) {
      PortalApiProperties.Auth auth = properties.getAuth();
      requireModeBuiltFor(
          new OnCoreMachineTokensCondition(),
          "machine tokens from portal.api.auth.client-id",
          auth,
          context);
      // token requests take the portal's transport: its TLS, timeouts and proxy
      return coreMachineTokens(
          properties,
          transport.getIfUnique(() -> new PortalTransports(context).transport(properties, null)),
          context);
    }
  }

  /**
   * Machine tokens from the core provider for {@code portal.api.auth.client-id}, its token requests
   * sent through this transport; with the user's in hybrid mode.
   */
  static TokenSource coreMachineTokens(
      PortalApiProperties properties, PortalTransport transport, ApplicationContext context) {
    PortalApiProperties.Auth auth = properties.getAuth();
    String mode = modeName(auth.effectiveMode());
    requireOneKindOfCredentials(auth);
    if (hasText(auth.getRegistrationId())) {
      throw new PortalApiConfigurationException(
          "portal.api.auth.registration-id is set, but Spring Security's OAuth2 client is not on the class path.",
          "Add spring-boot-starter-security-oauth2-client, or remove portal.api.auth.registration-id and set "
              + "portal.api.auth.client-id and portal.api.auth.client-secret.");
    }
    if (!hasText(auth.getClientId())) {
      throw new PortalApiConfigurationException(
          (auth.getMode() == null)
              ? "portal.api.auth.client-secret is set, but portal.api.auth.client-id is not."
              : "portal.api.auth.mode is '"
                  + mode
                  + "', but neither portal.api.auth.registration-id nor "
                  + "portal.api.auth.client-id is set.",
          "Set portal.api.auth.client-id and portal.api.auth.client-secret, or set "
              + "portal.api.auth.registration-id to a client_credentials registration under "
              + "spring.security.oauth2.client.registration.");
    }
    if (!hasText(auth.getClientSecret())) {
      throw new PortalApiConfigurationException(
          "portal.api.auth.client-id is set, but portal.api.auth.client-secret is not.",
          "Set portal.api.auth.client-secret (from an environment variable or a secret store), or remove "
              + "portal.api.auth.client-id.");
    }
    if (!hasText(auth.getTokenEndpoint()) && !hasText(properties.getBaseUrl())) {
      throw new PortalApiConfigurationException(
          "Machine-to-machine tokens need a token endpoint, but neither portal.api.auth.token-endpoint nor "
              + "portal.api.base-url is set.",
          "Set portal.api.base-url (the token endpoint is then {base-url}/oauth/token), or set "
              + "portal.api.auth.token-endpoint.");
    }
    if (!hasText(auth.getTokenEndpoint())) {
      // the token endpoint derives from the base URL: report a malformed one by its property
      new PortalApiPropertiesMapper(properties).baseUrl();
    }
    ClientCredentialsTokenProvider.Builder builder =
        ClientCredentialsTokenProvider.builder()
            .clientId(auth.getClientId())
            .clientSecret(auth.getClientSecret())
            .scope(PortalApiPropertiesMapper.scope(auth.getScope()))
            .format(
                (auth.getTokenFormat() != null) ? auth.getTokenFormat() : TokenRequestFormat.JSON)
            .allowInsecureHttp(properties.isAllowInsecureHttp())
            .transport(transport);
    ClientCredentialsTokenProvider provider;
    try {
      if (hasText(auth.getTokenEndpoint())) {
        builder.tokenEndpoint(auth.getTokenEndpoint());
      } else {
        builder.apiUrl(properties.getBaseUrl());
      }
      builder.refreshSkew(auth.getRefreshSkew()).timeout(properties.getTimeout());
      provider = builder.build();
    } catch (IllegalArgumentException | IllegalStateException ex) {
      if (ex.getMessage() != null && ex.getMessage().contains("plain http")) {
        throw new PortalApiConfigurationException(
            (hasText(auth.getTokenEndpoint())
                    ? "portal.api.auth.token-endpoint"
                    : "The token endpoint derived from portal.api.base-url")
                + " uses plain http to "
                + tokenEndpointHost(auth, properties)
                + ", so the client secret would travel unencrypted.",
            "Use an https URL, or set portal.api.allow-insecure-http=true on a trusted network.");
      }
      throw new PortalApiConfigurationException(
          "The machine-to-machine token settings under portal.api.auth are invalid: "
              + PortalApiPropertiesMapper.namingProperties(String.valueOf(ex.getMessage())),
          "Correct portal.api.base-url, portal.api.auth.token-endpoint, portal.api.auth.refresh-skew or "
              + "portal.api.timeout as the description says.");
    }
    return withUser(auth, provider, context);
  }

  /**
   * The token source of a named client, chosen by its effective {@code auth} settings as the beans
   * of this class are chosen for the default client; null for none. An application's {@link
   * TokenSource} bean is the default client's only.
   */
  static @Nullable TokenSource namedClientTokenSource(
      PortalApiProperties properties, PortalTransport transport, ApplicationContext context) {
    PortalApiProperties.Auth auth = properties.getAuth();
    return switch (auth.effectiveMode()) {
      case NONE ->
          hasText(auth.getClientSecret())
              ? coreMachineTokens(properties, transport, context) // fails, naming what is missing
              : null;
      case STATIC -> staticToken(auth);
      case FORWARD -> forwardToken(context);
      case CLIENT_CREDENTIALS, HYBRID ->
          (hasText(auth.getRegistrationId())
                  && AuthCondition.springSecurityClientPresent(context.getClassLoader()))
              ? SpringSecurityClientCredentialsConfiguration.namedClientTokens(properties, context)
              : coreMachineTokens(properties, transport, context);
    };
  }

  /** The host of the token endpoint, for a message; the URLs were checked already. */
  private static @Nullable String tokenEndpointHost(
      PortalApiProperties.Auth auth, PortalApiProperties properties) {
    String url =
        hasText(auth.getTokenEndpoint()) ? auth.getTokenEndpoint() : properties.getBaseUrl();
    return (url == null) ? null : URI.create(url.trim()).getHost();
  }

  /**
   * The machine source, or in hybrid mode the user's token where there is one and the machine's
   * elsewhere.
   */
  private static TokenSource withUser(
      PortalApiProperties.Auth auth, TokenSource machine, ApplicationContext context) {
    if (auth.effectiveMode() != AuthMode.HYBRID) {
      return machine;
    }
    requireThreadBoundUser(AuthMode.HYBRID, context);
    return new HybridTokenSource(
        CurrentUserTokenSource.create(context.getClassLoader(), "hybrid"), machine);
  }

  /**
   * Forward and hybrid read the user from thread-bound holders, which a reactive application does
   * not fill: there the user's token would be missing (forward) or replaced by the machine token
   * (hybrid), so such an application must not start with either mode.
   */
  private static void requireThreadBoundUser(AuthMode mode, ApplicationContext context) {
    if (!(context instanceof ReactiveWebApplicationContext)
        && !(context.getEnvironment() instanceof ConfigurableReactiveWebEnvironment)) {
      return;
    }
    String name = modeName(mode);
    throw new PortalApiConfigurationException(
        "portal.api.auth.mode is '"
            + name
            + "', but this is a reactive (WebFlux) application: the user's token lives in the"
            + " Reactor context, not on the thread that calls the portal, so the client cannot read"
            + " it"
            + ((mode == AuthMode.HYBRID)
                ? " and would send the machine token for user requests."
                : " and would send user requests without it."),
        ((mode == AuthMode.HYBRID)
                ? "Set portal.api.auth.mode to client-credentials (keep the registration-id or"
                    + " client-id) for the machine token, and"
                : "Remove portal.api.auth.mode (no token by default), and")
            + " pass each user's token per call: ReactiveUserToken.call((options) ->"
            + " users.withOptions(options).findById(id)) reads it from the reactive security"
            + " context, refuses a"
            + " request without one, and runs the call where it may block.");
  }

  /**
   * With AOT processing (a native image, or spring.aot.enabled=true) the conditions of this class
   * were evaluated when the application was built; the settings it runs with must still select the
   * configuration that was built, or the failure would name a property instead of the cause.
   */
  private static void requireModeBuiltFor(
      AuthCondition condition,
      String builtFor,
      PortalApiProperties.Auth auth,
      ApplicationContext context) {
    if (!condition.matches(auth, context.getClassLoader())) {
      throw modeFixedAtBuildTime(auth, builtFor);
    }
  }

  /**
   * Called by the client when no token source bean exists: the settings must then ask for none.
   *
   * @throws PortalApiConfigurationException when {@code portal.api.auth.*} asks for a token that
   *     nothing provides (an application built with AOT processing for no authentication, or this
   *     auto-configuration excluded)
   */
  static void requireNoAuthAtRunTime(PortalApiProperties.Auth auth) {
    if (auth.effectiveMode() == AuthMode.NONE) {
      return;
    }
    if (AotDetector.useGeneratedArtifacts()) {
      throw modeFixedAtBuildTime(auth, "no authentication");
    }
    throw new PortalApiConfigurationException(
        "portal.api.auth.* selects the '"
            + modeName(auth.effectiveMode())
            + "' authentication mode, but no TokenSource bean exists, so the portal client would"
            + " send no token.",
        "Do not exclude PortalApiAuthAutoConfiguration, or define a TokenSource bean, or remove the"
            + " portal.api.auth.* settings.");
  }

  private static PortalApiConfigurationException modeFixedAtBuildTime(
      PortalApiProperties.Auth auth, String builtFor) {
    return new PortalApiConfigurationException(
        "portal.api.auth.* selects the '"
            + modeName(auth.effectiveMode())
            + "' authentication mode, but this application was built with AOT processing for "
            + builtFor
            + ": with AOT (a native image, or spring.aot.enabled=true) the authentication mode is"
            + " fixed at build time.",
        "Build the application again with the portal.api.auth.* settings it runs with (the AOT"
            + " processing reads them), or run it with settings for "
            + builtFor
            + ".");
  }

  private static void requireOneKindOfCredentials(PortalApiProperties.Auth auth) {
    if (hasText(auth.getRegistrationId()) && hasText(auth.getClientId())) {
      throw new PortalApiConfigurationException(
          "Both portal.api.auth.registration-id and portal.api.auth.client-id are set, so it is unclear which "
              + "client fetches the machine-to-machine tokens.",
          "Keep portal.api.auth.registration-id (the credentials then live under "
              + "spring.security.oauth2.client.registration.<id>) or portal.api.auth.client-id and client-secret, "
              + "not both.");
    }
  }

  private static String modeName(AuthMode mode) {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static boolean hasText(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  /** Matches by the effective {@code portal.api.auth} mode and settings. */
  abstract static class AuthCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      PortalApiProperties.Auth auth =
          Binder.get(context.getEnvironment())
              .bind("portal.api.auth", PortalApiProperties.Auth.class)
              .orElseGet(PortalApiProperties.Auth::new);
      ConditionMessage.Builder message = ConditionMessage.forCondition(getClass().getSimpleName());
      String mode = modeName(auth.effectiveMode());
      return matches(auth, context.getClassLoader())
          ? ConditionOutcome.match(message.because("portal.api.auth mode is '" + mode + "'"))
          : ConditionOutcome.noMatch(message.because("portal.api.auth mode is '" + mode + "'"));
    }

    abstract boolean matches(PortalApiProperties.Auth auth, @Nullable ClassLoader classLoader);

    static boolean machineTokens(PortalApiProperties.Auth auth) {
      return Set.of(AuthMode.CLIENT_CREDENTIALS, AuthMode.HYBRID).contains(auth.effectiveMode());
    }

    static boolean springSecurityClientPresent(@Nullable ClassLoader classLoader) {
      return ClassUtils.isPresent(AUTHORIZED_CLIENT_MANAGER, classLoader)
          && ClassUtils.isPresent(CLIENT_REGISTRATION_REPOSITORY, classLoader);
    }
  }

  static final class OnStaticModeCondition extends AuthCondition {

    @Override
    boolean matches(PortalApiProperties.Auth auth, @Nullable ClassLoader classLoader) {
      return auth.effectiveMode() == AuthMode.STATIC;
    }
  }

  static final class OnForwardModeCondition extends AuthCondition {

    @Override
    boolean matches(PortalApiProperties.Auth auth, @Nullable ClassLoader classLoader) {
      return auth.effectiveMode() == AuthMode.FORWARD;
    }
  }

  static final class OnSpringSecurityMachineTokensCondition extends AuthCondition {

    @Override
    boolean matches(PortalApiProperties.Auth auth, @Nullable ClassLoader classLoader) {
      return machineTokens(auth) && hasText(auth.getRegistrationId());
    }
  }

  /**
   * Machine tokens that Spring Security does not serve: no registration id, or no Spring Security
   * to serve it (which fails with advice). A client secret without any mode also lands here, to
   * fail.
   */
  static final class OnCoreMachineTokensCondition extends AuthCondition {

    @Override
    boolean matches(PortalApiProperties.Auth auth, @Nullable ClassLoader classLoader) {
      if (auth.getMode() == null
          && auth.effectiveMode() == AuthMode.NONE
          && hasText(auth.getClientSecret())) {
        return true;
      }
      return machineTokens(auth)
          && (!hasText(auth.getRegistrationId()) || !springSecurityClientPresent(classLoader));
    }
  }
}
