package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every bean of the starter's own types, in every authentication mode, configured with secrets:
 * none shows one in {@code toString()}, nor does {@link PortalApiProperties} or its nested groups.
 */
class PortalApiBeansToStringTests {

  private static final String API_KEY = "app_live_key_Bt01aa";
  private static final String TOKEN = "static-bearer-Bt02bb";
  private static final String CLIENT_SECRET = "secret_m2m_Bt03cc";
  private static final String REGISTRATION_SECRET = "secret_reg_Bt04dd";

  private static final List<String> SECRETS =
      List.of(API_KEY, TOKEN, CLIENT_SECRET, REGISTRATION_SECRET);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OAuth2ClientAutoConfiguration.class,
                  PortalApiAuthAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class))
          .withPropertyValues(
              "portal.api.base-url=https://api.example.com",
              "portal.api.api-key=" + API_KEY,
              "spring.security.oauth2.client.registration.portal.client-id=app_reg",
              "spring.security.oauth2.client.registration.portal.client-secret="
                  + REGISTRATION_SECRET,
              "spring.security.oauth2.client.registration.portal.authorization-grant-type=client_credentials",
              "spring.security.oauth2.client.registration.portal.provider=portal",
              "spring.security.oauth2.client.provider.portal.token-uri=https://auth.example.com/oauth/token");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "portal.api.auth.token=" + TOKEN,
        "portal.api.auth.client-id=app_core,portal.api.auth.client-secret=" + CLIENT_SECRET,
        "portal.api.auth.registration-id=portal",
        "portal.api.auth.mode=forward",
        "portal.api.auth.mode=hybrid,portal.api.auth.registration-id=portal",
        "portal.api.auth.mode=hybrid,portal.api.auth.client-id=app_core,portal.api.auth.client-secret="
            + CLIENT_SECRET
      })
  void noBeanOfTheStarterShowsASecretInToString(String properties) {
    this.runner
        .withPropertyValues(properties.split(","))
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              int checked = 0;
              for (String name : context.getBeanDefinitionNames()) {
                Object bean = context.getBean(name);
                if (!bean.getClass().getName().startsWith("com.winwinmbs.portal.")) {
                  continue;
                }
                checked++;
                assertNoSecret(name, bean.toString());
              }
              assertThat(checked).as("portal beans checked").isGreaterThan(18);

              // the bound properties, as a debugger or a careless log line would print them
              PortalApiProperties bound =
                  Binder.get(context.getEnvironment())
                      .bind("portal.api", PortalApiProperties.class)
                      .get();
              assertThat(bound.getApiKey()).isEqualTo(API_KEY);
              assertNoSecret("PortalApiProperties", bound.toString());
              assertNoSecret("PortalApiProperties.Auth", bound.getAuth().toString());
            });
  }

  private static void assertNoSecret(String what, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("toString() of %s", what).doesNotContain(secret);
    }
  }
}
