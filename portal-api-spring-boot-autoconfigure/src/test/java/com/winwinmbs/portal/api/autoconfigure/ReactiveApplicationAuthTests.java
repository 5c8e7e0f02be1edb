package com.winwinmbs.portal.api.autoconfigure;

import static com.winwinmbs.portal.api.autoconfigure.PortalApiAuthAutoConfigurationTests.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.TokenSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The authentication modes in a reactive (WebFlux) application, where the user is not bound to the
 * thread that calls the portal and Spring Security keeps its registrations in a reactive
 * repository.
 */
class ReactiveApplicationAuthTests {

  private static final String[] REGISTRATION = {
    "spring.security.oauth2.client.registration.portal.client-id=app_123",
    "spring.security.oauth2.client.registration.portal.client-secret=secret_456",
    "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
    "spring.security.oauth2.client.registration.portal.provider=portal",
    "spring.security.oauth2.client.provider.portal.token-uri=https://auth.example.com/oauth/token"
  };

  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OAuth2ClientAutoConfiguration.class,
                  ReactiveOAuth2ClientAutoConfiguration.class,
                  PortalApiAuthAutoConfiguration.class))
          .withPropertyValues("portal.api.base-url=https://api.example.com");

  @Test
  void forwardModeFailsNamingTheReactiveStackAndThePerCallPattern() {
    this.runner
        .withPropertyValues("portal.api.auth.mode=forward")
        .run(
            failsWith(
                "portal.api.auth.mode is 'forward', but this is a reactive (WebFlux) application",
                "ReactiveUserToken.call("));
    this.runner
        .withPropertyValues("portal.api.auth.mode=forward")
        .run((context) -> assertThat(advice(context)).doesNotContain("resource-server"));
  }

  @Test
  void hybridModeWithAClientIdFailsRatherThanSendTheMachineTokenForUsers() {
    this.runner
        .withPropertyValues(
            "portal.api.auth.mode=hybrid",
            "portal.api.auth.client-id=app_123",
            "portal.api.auth.client-secret=secret_456")
        .run(
            failsWith(
                "reactive (WebFlux) application: the user's token lives in the Reactor context,"
                    + " not on the thread that calls the portal, so the client cannot read it and"
                    + " would send the machine token for user requests.",
                "Set portal.api.auth.mode to client-credentials"));
  }

  @Test
  void hybridModeWithAReactiveRegistrationFailsNamingTheReactiveStack() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.mode=hybrid", "portal.api.auth.registration-id=portal")
        .run(
            failsWith(
                "portal.api.auth.mode is 'hybrid', but this is a reactive (WebFlux) application",
                "ReactiveUserToken.call("));
  }

  @Test
  void clientCredentialsWithARegistrationOfTheReactiveStackUseIt() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.registration-id=portal")
        .run(
            (context) -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(ReactiveClientRegistrationRepository.class)
                  .doesNotHaveBean(ClientRegistrationRepository.class);
              assertThat(context.getBean(TokenSource.class))
                  .isInstanceOf(AuthorizedClientTokenSource.class);
            });
  }

  @Test
  void unknownRegistrationIdOnTheReactiveStackSaysWhereItLooked() {
    this.runner
        .withPropertyValues(REGISTRATION)
        .withPropertyValues("portal.api.auth.registration-id=potral")
        .run(
            failsWith(
                "no OAuth2 client registration on the reactive stack (its"
                    + " ReactiveClientRegistrationRepository) has that id (configured: portal)",
                "spring.security.oauth2.client.registration.potral"));
  }

  @Test
  void registrationWithoutClientSecretOnTheReactiveStackFailsNamingIt() {
    this.runner
        .withPropertyValues(
            "spring.security.oauth2.client.registration.portal.client-id=app_123",
            "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
            "spring.security.oauth2.client.registration.portal.provider=portal",
            "spring.security.oauth2.client.provider.portal.token-uri=https://auth.example.com/oauth/token",
            "portal.api.auth.registration-id=portal")
        .run(
            failsWith(
                "registration 'portal' (portal.api.auth.registration-id) has no client secret",
                "spring.security.oauth2.client.registration.portal.client-secret"));
  }

  private static String advice(
      org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider<?> context) {
    Throwable failure = context.getStartupFailure();
    while (failure != null && !(failure instanceof PortalApiConfigurationException)) {
      failure = failure.getCause();
    }
    assertThat(failure).isInstanceOf(PortalApiConfigurationException.class);
    return ((PortalApiConfigurationException) failure).action();
  }
}
