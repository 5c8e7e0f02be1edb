package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import com.winwinmbs.portal.api.oauth.TokenRequestFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The properties {@link AutoConfigureMockPortal} adds, for the ways an application configures its
 * credentials.
 */
class MockPortalContextCustomizerFactoryTests {

  private final MockPortal portal = MockPortal.start();

  @AfterEach
  void stop() {
    this.portal.stop();
  }

  @Test
  void unsetCredentialVariablesAreReplacedByTheMocksOwn() {
    Map<String, Object> added =
        added(
            "portal.api.api-key", "${PORTAL_API_KEY}",
            "portal.api.auth.client-id", "${PORTAL_CLIENT_ID}",
            "portal.api.auth.client-secret", "${PORTAL_CLIENT_SECRET}");

    assertThat(added)
        .containsEntry("portal.api.api-key", MockPortal.API_KEY)
        .containsEntry("portal.api.auth.client-id", MockPortal.CLIENT_ID)
        .containsEntry("portal.api.auth.client-secret", MockPortal.CLIENT_SECRET)
        .containsEntry("portal.api.auth.token-endpoint", this.portal.tokenEndpoint());
  }

  @Test
  void anApplicationsClientIdWithAnUnsetSecretGetsTheMocksSecretAndIsAccepted() {
    Map<String, Object> added =
        added(
            "portal.api.auth.client-id", "app_billing",
            "portal.api.auth.client-secret", "${PORTAL_CLIENT_SECRET}");

    assertThat(added)
        .containsEntry("portal.api.auth.client-secret", MockPortal.CLIENT_SECRET)
        .doesNotContainKey("portal.api.auth.client-id");
    assertThat(tokenFor("app_billing", MockPortal.CLIENT_SECRET)).isNotBlank();
  }

  @Test
  void anUnsetStaticTokenIsReplacedByTheMocksToken() {
    assertThat(added("portal.api.auth.token", "${PORTAL_TOKEN}"))
        .containsEntry("portal.api.auth.token", MockPortal.ACCESS_TOKEN);
  }

  @Test
  void aRegistrationsUnsetCredentialsAreReplacedByTheMocksOwn() {
    String prefix = "spring.security.oauth2.client.registration.portal.";
    Map<String, Object> added =
        added(
            "portal.api.auth.registration-id",
            "portal",
            prefix + "client-id",
            "${PORTAL_CLIENT_ID}",
            prefix + "client-secret",
            "${PORTAL_CLIENT_SECRET}");

    assertThat(added)
        .containsEntry(prefix + "client-id", MockPortal.CLIENT_ID)
        .containsEntry(prefix + "client-secret", MockPortal.CLIENT_SECRET)
        .doesNotContainKey("portal.api.auth.client-id");
  }

  @Test
  void aRegistrationsOwnCredentialsAreTaughtToTheMock() {
    String prefix = "spring.security.oauth2.client.registration.portal.";
    Map<String, Object> added =
        added(
            "portal.api.auth.registration-id",
            "portal",
            prefix + "client-id",
            "app_reports",
            prefix + "client-secret",
            "reports-secret");

    assertThat(added).doesNotContainKeys(prefix + "client-id", prefix + "client-secret");
    assertThat(tokenFor("app_reports", "reports-secret")).isNotBlank();
  }

  private Map<String, Object> added(String... properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < properties.length; i += 2) {
      values.put(properties[i], properties[i + 1]);
    }
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("application", values));
    return MockPortalContextCustomizerFactory.Customizer.properties(this.portal, environment);
  }

  /** A token the mock issues to that client, or an exception when it does not know it. */
  private String tokenFor(String clientId, String clientSecret) {
    return ClientCredentialsTokenProvider.builder()
        .tokenEndpoint(this.portal.tokenEndpoint())
        .clientId(clientId)
        .clientSecret(clientSecret)
        .format(TokenRequestFormat.JSON)
        .build()
        .accessToken();
  }
}
