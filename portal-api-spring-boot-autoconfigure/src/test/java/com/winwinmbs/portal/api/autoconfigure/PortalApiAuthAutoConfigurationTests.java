package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PortalApiAuthAutoConfigurationTests {

  private static final String[] REGISTRATION = {
    "spring.security.oauth2.client.registration.portal.client-id=app_123",
    "spring.security.oauth2.client.registration.portal.client-secret=secret_456",
    "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
    "spring.security.oauth2.client.registration.portal.provider=portal",
    "spring.security.oauth2.client.provider.portal.token-uri=https://auth.example.com/oauth/token"
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OAuth2ClientAutoConfiguration.class, PortalApiAuthAutoConfiguration.class))
          .withPropertyValues("portal.api.base-url=https://api.example.com");

  @AfterEach
  void clearThreadState() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void withoutAuthPropertiesNoTokenSourceIsContributed() {
    this.runner.run(
        (context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenSource.class));
  }

  @Test
  void staticTokenIsSentAsIs() {
    this.runner
        .withPropertyValues("portal.api.auth.token=st4tic")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(TokenSource.class).hasBean("portalApiTokenSource");
              TokenSource tokens = context.getBean(TokenSource.class);
              assertThat(tokens.token()).contains("st4tic");
              assertThat(tokens.canRefresh()).isFalse();
              assertThat(tokens.toString()).doesNotContain("st4tic");
            });
  }

  @Test
  void staticModeWithoutTokenFailsWithWhatToSet() {
    this.runner
        .withPropertyValues("portal.api.auth.mode=static")
        .run(failsWith("portal.api.auth.token is not set", "Set portal.api.auth.token"));
  }

  @Test
  void staticTokenTogetherWithClientIdFailsAsAmbiguous() {
    this.runner
        .withPropertyValues("portal.api.auth.token=st4tic", "portal.api.auth.client-id=app_123")
        .run(failsWith("unclear which to use", "portal.api.auth.mode"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "portal.api.auth.token=st4tic",
        "portal.api.auth.mode=forward",
        "portal.api.auth.mode=hybrid",
        "portal.api.auth.client-id=app_123",
        "portal.api.auth.registration-id=portal",
        "portal.api.auth.registration-id=unknown"
      })
  void userTokenSourceBeanWinsInEveryMode(String property) {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues(property)
        .withUserConfiguration(UserTokenSourceConfiguration.class)
        .run(
            (context) -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(TokenSource.class)
                  .hasBean("userTokenSource");
              assertThat(context).doesNotHaveBean(PortalApiAuthorizedClientManager.class);
            });
  }

  @Test
  void clientIdAndSecretUseTheCoreProviderAgainstTheBaseUrl() {
    this.runner
        .withPropertyValues(
            "portal.api.auth.client-id=app_123", "portal.api.auth.client-secret=secret_456")
        .run(
            (context) -> {
              assertThat(context)
                  .getBean(TokenSource.class)
                  .isInstanceOf(ClientCredentialsTokenProvider.class);
              ClientCredentialsTokenProvider provider =
                  context.getBean(ClientCredentialsTokenProvider.class);
              assertThat(provider.tokenEndpoint())
                  .hasToString("https://api.example.com/oauth/token");
              assertThat(provider.toString()).contains("format=JSON").doesNotContain("secret_456");
            });
  }

  @Test
  void tokenEndpointAndFormatOverrideTheDefaults() {
    this.runner
        .withPropertyValues(
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456",
            "portal.api.auth.token-endpoint=https://auth.example.com/token",
            "portal.api.auth.token-format=form")
        .run(
            (context) -> {
              ClientCredentialsTokenProvider provider =
                  context.getBean(ClientCredentialsTokenProvider.class);
              assertThat(provider.tokenEndpoint()).hasToString("https://auth.example.com/token");
              assertThat(provider.toString()).contains("format=FORM");
            });
  }

  @Test
  void clientIdWithoutSecretFailsWithWhatToSet() {
    this.runner
        .withPropertyValues("portal.api.auth.client-id=app_123")
        .run(
            failsWith("portal.api.auth.client-secret is not", "Set portal.api.auth.client-secret"));
  }

  @Test
  void clientSecretWithoutClientIdFailsWithWhatToSet() {
    this.runner
        .withPropertyValues("portal.api.auth.client-secret=secret_456")
        .run(failsWith("portal.api.auth.client-id is not", "Set portal.api.auth.client-id"));
  }

  @Test
  void clientCredentialsModeWithoutAnyClientFailsWithWhatToSet() {
    this.runner
        .withPropertyValues("portal.api.auth.mode=client-credentials")
        .run(
            failsWith(
                "neither portal.api.auth.registration-id nor portal.api.auth.client-id",
                "portal.api.auth.registration-id"));
  }

  @Test
  void registrationIdAndClientIdTogetherFailAsAmbiguous() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues(
            "portal.api.auth.registration-id=portal", "portal.api.auth.client-id=app_123")
        .run(
            failsWith(
                "Both portal.api.auth.registration-id and portal.api.auth.client-id", "not both"));
  }

  @Test
  void registrationIdWithSettingsTheRegistrationOwnsFails() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues(
            "portal.api.auth.registration-id=portal",
            "portal.api.auth.scope=users:read",
            "portal.api.auth.client-secret=secret_456")
        .run(
            failsWith(
                "portal.api.auth.client-secret, portal.api.auth.scope would not apply",
                "spring.security.oauth2.client.registration.portal"));
  }

  @Test
  void insecureTokenEndpointFailsUnlessAllowed() {
    this.runner
        .withPropertyValues(
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456",
            "portal.api.auth.token-endpoint=http://auth.example.com/token")
        .run(
            failsWith(
                "portal.api.auth.token-endpoint uses plain http to auth.example.com",
                "portal.api.allow-insecure-http=true"));
    this.runner
        .withPropertyValues(
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456",
            "portal.api.auth.token-endpoint=http://auth.example.com/token",
            "portal.api.allow-insecure-http=true")
        .run((context) -> assertThat(context).hasSingleBean(ClientCredentialsTokenProvider.class));
  }

  @Test
  void registrationIdUsesSpringSecurityWithoutExposingAnOAuth2AuthorizedClientManager() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.registration-id=portal")
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(PortalApiAuthorizedClientManager.class)
                  .hasBean("portalApiAuthorizedClientManager")
                  .doesNotHaveBean(OAuth2AuthorizedClientManager.class);
              assertThat(context)
                  .getBean(TokenSource.class)
                  .isInstanceOf(AuthorizedClientTokenSource.class);
              PortalApiAuthorizedClientManager clients =
                  context.getBean(PortalApiAuthorizedClientManager.class);
              assertThat(clients.manager())
                  .isInstanceOf(AuthorizedClientServiceOAuth2AuthorizedClientManager.class);
              assertThat(clients.authorizedClientService())
                  .isSameAs(context.getBean(OAuth2AuthorizedClientService.class));
              assertThat(context.getBean(TokenSource.class).canRefresh()).isTrue();
            });
  }

  @Test
  void applicationAuthorizedClientManagerIsLeftAlone() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.registration-id=portal")
        .withUserConfiguration(ApplicationManagerConfiguration.class)
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(OAuth2AuthorizedClientManager.class)
                  .hasSingleBean(PortalApiAuthorizedClientManager.class);
              assertThat(context.getBean(PortalApiAuthorizedClientManager.class).manager())
                  .isNotSameAs(context.getBean(OAuth2AuthorizedClientManager.class));
            });
  }

  @Test
  void userPortalApiAuthorizedClientManagerIsUsed() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.registration-id=portal")
        .withUserConfiguration(UserPortalManagerConfiguration.class)
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(PortalApiAuthorizedClientManager.class)
                    .hasBean("myPortalManager")
                    .getBean(TokenSource.class)
                    .isInstanceOf(AuthorizedClientTokenSource.class));
  }

  @Test
  void unknownRegistrationIdFailsListingTheConfiguredOnes() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.registration-id=potral")
        .run(
            failsWith(
                "'potral', but no OAuth2 client registration has that id (configured: portal)",
                "spring.security.oauth2.client.registration.potral"));
  }

  @Test
  void registrationIdWithoutAnyRegistrationFails() {
    this.runner
        .withPropertyValues("portal.api.auth.registration-id=portal")
        .run(
            failsWith("(none is configured)", "spring.security.oauth2.client.registration.portal"));
  }

  @Test
  void registrationWithAnotherGrantFails() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues(
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.portal.redirect-uri=https://app.example.com/callback",
            "spring.security.oauth2.client.provider.portal.authorization-uri=https://auth.example.com/authorize",
            "portal.api.auth.registration-id=portal")
        .run(failsWith("uses the 'authorization_code' grant", "client_credentials"));
  }

  @Test
  void registrationWithoutClientSecretFailsNamingTheRegistrationAndTheProperty() {
    this.runner
        .withPropertyValues(
            "spring.security.oauth2.client.registration.portal.client-id=app_123",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri=https://auth.example.com/oauth/token",
            "portal.api.auth.registration-id=portal")
        .run(
            failsWith(
                "registration 'portal' (portal.api.auth.registration-id) has no client secret:"
                    + " spring.security.oauth2.client.registration.portal.client-secret is not set",
                "Set spring.security.oauth2.client.registration.portal.client-secret"));
  }

  @Test
  void registrationAuthenticatingWithoutASecretNeedsNone() {
    this.runner
        .withPropertyValues(
            "spring.security.oauth2.client.registration.portal.client-id=app_123",
            "spring.security.oauth2.client.registration.portal.client-authentication-method=private_key_jwt",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri=https://auth.example.com/oauth/token",
            "portal.api.auth.registration-id=portal")
        .run(
            (context) ->
                assertThat(context)
                    .hasNotFailed()
                    .getBean(TokenSource.class)
                    .isInstanceOf(AuthorizedClientTokenSource.class));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "portal.api.auth.scope=users:read,organizations:read",
        "portal.api.auth.scope=users:read organizations:read",
        "portal.api.auth.scope=users:read, organizations:read",
        "portal.api.auth.scope[0]=users:read|portal.api.auth.scope[1]=organizations:read"
      })
  void scopeIsAListWrittenEitherWay(String properties) {
    this.runner
        .withPropertyValues(
            "portal.api.auth.client-id=app_123", "portal.api.auth.client-secret=secret_456")
        .withPropertyValues(properties.split("\\|"))
        .run(
            (context) ->
                assertThat(context.getBean(ClientCredentialsTokenProvider.class).toString())
                    .contains("scope=users:read organizations:read"));
  }

  @Test
  void registrationIdWithoutSpringSecurityFailsWithAdvice() {
    this.runner
        .withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client"))
        .withPropertyValues("portal.api.auth.registration-id=portal")
        .run(
            failsWith(
                "Spring Security's OAuth2 client is not on the class path",
                "spring-boot-starter-security-oauth2-client"));
  }

  @Test
  void clientIdWorksWithoutSpringSecurity() {
    this.runner
        .withClassLoader(new FilteredClassLoader("org.springframework.security"))
        .withPropertyValues(
            "portal.api.auth.client-id=app_123", "portal.api.auth.client-secret=secret_456")
        .run(
            (context) ->
                assertThat(context)
                    .hasSingleBean(ClientCredentialsTokenProvider.class)
                    .doesNotHaveBean(ClientRegistrationRepository.class));
  }

  @Test
  void forwardReadsTheSecurityContextThenTheAuthorizationHeader() {
    this.runner
        .withPropertyValues("portal.api.auth.mode=forward")
        .run(
            (context) -> {
              TokenSource tokens = context.getBean(TokenSource.class);
              assertThat(tokens.token()).isEmpty();
              assertThat(tokens.canRefresh()).isFalse();
              bindRequestWithBearer("h3ader");
              assertThat(tokens.token()).contains("h3ader");
              SecurityContextHolder.getContext().setAuthentication(jwtAuthentication("jwt-alice"));
              assertThat(tokens.token()).contains("jwt-alice");
            });
  }

  @Test
  void forwardWithoutServletReadsOnlyTheSecurityContext() {
    this.runner
        .withClassLoader(new FilteredClassLoader(HttpServletRequest.class))
        .withPropertyValues("portal.api.auth.mode=forward")
        .run(
            (context) -> {
              TokenSource tokens = context.getBean(TokenSource.class);
              bindRequestWithBearer("h3ader");
              assertThat(tokens.token()).isEmpty();
              SecurityContextHolder.getContext().setAuthentication(jwtAuthentication("jwt-alice"));
              assertThat(tokens.token()).contains("jwt-alice");
            });
  }

  @Test
  void forwardWithoutSpringSecurityReadsTheAuthorizationHeader() {
    this.runner
        .withClassLoader(new FilteredClassLoader("org.springframework.security"))
        .withPropertyValues("portal.api.auth.mode=forward")
        .run(
            (context) -> {
              TokenSource tokens = context.getBean(TokenSource.class);
              SecurityContextHolder.getContext().setAuthentication(jwtAuthentication("jwt-alice"));
              bindRequestWithBearer("h3ader");
              assertThat(tokens.token()).contains("h3ader");
            });
  }

  @Test
  void forwardWithNeitherSpringSecurityNorServletFails() {
    this.runner
        .withClassLoader(
            new FilteredClassLoader(
                FilteredClassLoader.PackageFilter.of("org.springframework.security"),
                FilteredClassLoader.ClassFilter.of(HttpServletRequest.class)))
        .withPropertyValues("portal.api.auth.mode=forward")
        .run(
            failsWith(
                "nowhere to read the user's token from",
                "spring-boot-starter-security-oauth2-resource-server"));
  }

  @Test
  void hybridUsesTheUserTokenWhenThereIsOneAndTheMachineTokenElsewhere() {
    this.runner
        .withPropertyValues(
            "portal.api.auth.mode=hybrid",
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456")
        .run(
            (context) -> {
              TokenSource tokens = context.getBean(TokenSource.class);
              assertThat(tokens).isInstanceOf(HybridTokenSource.class);
              assertThat(tokens.toString())
                  .contains("ClientCredentialsTokenProvider")
                  .doesNotContain("secret_456");
              SecurityContextHolder.getContext().setAuthentication(jwtAuthentication("jwt-alice"));
              assertThat(tokens.token()).contains("jwt-alice");
              assertThat(tokens.canRefresh()).isFalse();
            });
  }

  @Test
  void hybridWithRegistrationIdUsesSpringSecurityForTheMachineToken() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.mode=hybrid", "portal.api.auth.registration-id=portal")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(PortalApiAuthorizedClientManager.class);
              assertThat(context.getBean(TokenSource.class).toString())
                  .contains("AuthorizedClientTokenSource");
            });
  }

  @Test
  void hybridWithoutMachineCredentialsFails() {
    this.runner
        .withPropertyValues("portal.api.auth.mode=hybrid")
        .run(
            failsWith(
                "portal.api.auth.mode is 'hybrid', but neither", "portal.api.auth.client-id"));
  }

  @Test
  void staticModeWorksWithoutSpringSecurityOrServlet() {
    this.runner
        .withClassLoader(
            new FilteredClassLoader(
                FilteredClassLoader.PackageFilter.of("org.springframework.security"),
                FilteredClassLoader.PackageFilter.of("jakarta.servlet")))
        .withPropertyValues("portal.api.auth.token=st4tic")
        .run(
            (context) -> assertThat(context.getBean(TokenSource.class).token()).contains("st4tic"));
  }

  private static void bindRequestWithBearer(String token) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer " + token);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  private static JwtAuthenticationToken jwtAuthentication(String tokenValue) {
    Jwt jwt =
        new Jwt(
            tokenValue,
            Instant.now(),
            Instant.now().plusSeconds(300),
            Map.of("alg", "none"),
            Map.of("sub", "alice"));
    return new JwtAuthenticationToken(jwt, List.of());
  }

  /**
   * The startup failure holds a {@link PortalApiConfigurationException} with that text, and no
   * secret of these tests.
   */
  static <C extends ApplicationContextAssertProvider<?>> ContextConsumer<C> failsWith(
      String description, String action) {
    return (context) -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      PortalApiConfigurationException exception = null;
      while (failure != null) {
        if (failure instanceof PortalApiConfigurationException found) {
          exception = found;
        }
        failure = failure.getCause();
      }
      assertThat(exception)
          .as("PortalApiConfigurationException in the startup failure")
          .isNotNull();
      assertThat(exception.description()).contains(description).doesNotContain("secret_456");
      assertThat(exception.action()).contains(action);
    };
  }

  @Configuration(proxyBeanMethods = false)
  static class UserTokenSourceConfiguration {

    @Bean
    TokenSource userTokenSource() {
      return () -> Optional.of("mine");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationManagerConfiguration {

    @Bean
    OAuth2AuthorizedClientManager applicationManager(
        ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
      return new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserPortalManagerConfiguration {

    @Bean
    PortalApiAuthorizedClientManager myPortalManager(
        ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
      return new PortalApiAuthorizedClientManager(
          new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients),
          clients);
    }
  }
}
