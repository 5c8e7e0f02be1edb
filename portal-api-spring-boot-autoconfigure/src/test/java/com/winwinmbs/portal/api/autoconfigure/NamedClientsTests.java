package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.user.UserApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several clients in one application: named clients from {@code portal.api.clients.<name>.*}, a
 * client derived from the default one, two clients of the application's, and the prototype builder
 * bean; each tells itself apart in metrics and health.
 */
@WireMockTest
class NamedClientsTests {

  private static final String HEALTHY = "{\"success\":true,\"data\":{\"status\":\"ok\"}}";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAuthAutoConfiguration.class,
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class))
          .withBean(SimpleMeterRegistry.class)
          .withPropertyValues("portal.api.retry.max-attempts=1");

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void stub(WireMockRuntimeInfo wm) {
    this.wm = wm;
    for (String path : new String[] {"/health", "/billing/health", "/hr/health"}) {
      wm.getWireMock()
          .register(
              get(path)
                  .willReturn(
                      aResponse()
                          .withHeader("Content-Type", "application/json")
                          .withBody(HEALTHY)));
    }
  }

  private ApplicationContextRunner twoNamedClients() {
    String base = this.wm.getHttpBaseUrl();
    return this.runner.withPropertyValues(
        "portal.api.base-url=" + base,
        "portal.api.api-key=default-key",
        "portal.api.tenant-id=acme",
        "portal.api.timeout=7s",
        "portal.api.clients.billing.base-url=" + base + "/billing",
        "portal.api.clients.billing.tenant-id=billing-tenant",
        "portal.api.clients.billing.auth.token=billing-token",
        "portal.api.clients.hr.base-url=" + base + "/hr",
        "portal.api.clients.hr.api-key=hr-key");
  }

  @Test
  void namedClientsAreBeansQualifiedByNameTakingWhatTheyDoNotSetFromTheDefault() {
    twoNamedClients()
        .withUserConfiguration(BillingService.class)
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              PortalApiClient billing =
                  context.getBean("billingPortalApiClient", PortalApiClient.class);
              assertThat(context.getBean(BillingService.class).billing).isSameAs(billing);
              assertThat(context.getBean(BillingService.class).portal)
                  .isSameAs(context.getBean("portalApiClient"))
                  .isSameAs(context.getBean(PortalApiClient.class));
              assertThat(billing.baseUrl()).isEqualTo(this.wm.getHttpBaseUrl() + "/billing");
              assertThat(billing.toString()).contains("timeout=PT7S");

              billing.health().check();
              context.getBean("hrPortalApiClient", PortalApiClient.class).health().check();
              context.getBean(HealthApi.class).check();

              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/billing/health"))
                          .withHeader("X-API-Key", equalTo("default-key"))
                          .withHeader("X-Tenant-Id", equalTo("billing-tenant"))
                          .withHeader("Authorization", equalTo("Bearer billing-token")));
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/hr/health"))
                          .withHeader("X-API-Key", equalTo("hr-key"))
                          .withHeader("X-Tenant-Id", equalTo("acme"))
                          .withHeader("Authorization", absent()));
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("X-API-Key", equalTo("default-key"))
                          .withHeader("Authorization", absent()));
            });
  }

  @Test
  void theDefaultClientKeepsTheNamespaceBeans() {
    twoNamedClients()
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(UserApi.class).hasSingleBean(HealthApi.class);
              assertThat(context.getBean(HealthApi.class))
                  .isSameAs(context.getBean("portalApiClient", PortalApiClient.class).health());
            });
  }

  @Test
  void eachClientIsTaggedWithItsName() {
    twoNamedClients()
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              context.getBean("billingPortalApiClient", PortalApiClient.class).health().check();

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .find("portal.api.client.requests")
                          .tag("client", "default")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .find("portal.api.client.requests")
                          .tag("client", "billing")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(meters.find("portal.api.client.requests").tag("client", "hr").timer())
                  .isNull();
            });
  }

  @Test
  void healthHasOneComponentPerClient() {
    this.wm.getWireMock().register(get("/hr/health").willReturn(aResponse().withStatus(503)));
    twoNamedClients()
        .run(
            (context) -> {
              HealthContributor portal =
                  context.getBean("portalHealthIndicator", HealthContributor.class);
              assertThat(portal).isInstanceOf(CompositeHealthContributor.class);
              CompositeHealthContributor clients = (CompositeHealthContributor) portal;

              assertThat(status(clients, "default")).isEqualTo(Status.UP);
              assertThat(status(clients, "billing")).isEqualTo(Status.UP);
              assertThat(status(clients, "hr")).isEqualTo(Status.DOWN);
            });
  }

  @Test
  void withoutNamedClientsHealthIsOneIndicator() {
    this.runner
        .withPropertyValues("portal.api.base-url=" + this.wm.getHttpBaseUrl())
        .run(
            (context) ->
                assertThat(context.getBean("portalHealthIndicator"))
                    .isInstanceOf(HealthIndicator.class));
  }

  @Test
  void aNamedClientsMistakeNamesTheClient() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + this.wm.getHttpBaseUrl(),
            "portal.api.clients.billing.base-url=ftp://billing.example.com")
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageStartingWith(
                        "The portal client 'billing' (portal.api.clients.billing.*")
                    .hasMessageContaining("portal.api.base-url is not valid"));
  }

  @Test
  void aNameTheStarterUsesItselfIsRefused() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + this.wm.getHttpBaseUrl(),
            "portal.api.clients.default.api-key=k")
        .run(
            (context) ->
                assertThat(JdkTransportSettingsTests.causes(context.getStartupFailure()))
                    .filteredOn(PortalApiConfigurationException.class::isInstance)
                    .first()
                    .satisfies(
                        (failure) ->
                            assertThat(failure.getMessage()).contains("a client named 'default'")));
  }

  @Test
  void aClientDerivedFromTheDefaultOneStandsBesideIt() {
    this.runner
        .withPropertyValues("portal.api.base-url=" + this.wm.getHttpBaseUrl())
        .withUserConfiguration(DerivedClientConfiguration.class)
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(PortalApiClient.class))
                  .containsOnlyKeys("portalApiClient", "patientPortalApiClient");
              assertThat(context.getBean(PortalApiClient.class))
                  .isSameAs(context.getBean("portalApiClient"));
              assertThat(context.getBean("patientPortalApiClient").toString())
                  .contains("timeout=PT1M");
              assertThat(context).hasSingleBean(UserApi.class);
            });
  }

  @Test
  void twoClientsOfTheApplicationStartWithoutNamespaceBeans() {
    this.runner
        .withUserConfiguration(TwoClientsConfiguration.class)
        .run(
            (context) -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(PortalApiClient.class)).hasSize(2);
              assertThat(context).doesNotHaveBean(UserApi.class).doesNotHaveBean(HealthApi.class);
            });
  }

  @Test
  void theBuilderBeanIsPrewiredButCarriesNoCredentialsOfTheDefaultPortal() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=" + this.wm.getHttpBaseUrl(),
            "portal.api.api-key=default-key",
            "portal.api.tenant-id=acme",
            "portal.api.auth.token=default-token",
            "portal.api.timeout=9s")
        .withBean(
            "markingInterceptor",
            PortalInterceptor.class,
            () -> (chain) -> chain.proceed(chain.request().withHeader("X-Marked", "yes")))
        .withBean(
            PortalApiClientCustomizer.class, () -> (builder) -> builder.userAgent("built/1.0"))
        .run(
            (context) -> {
              PortalApiClient.Builder first = context.getBean(PortalApiClient.Builder.class);
              assertThat(context.getBean(PortalApiClient.Builder.class)).isNotSameAs(first);

              PortalApiClient built = first.apiUrl(this.wm.getHttpBaseUrl() + "/hr").build();
              assertThat(built.toString()).contains("timeout=PT9S").contains("JdkHttpTransport");
              built.health().check();

              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/hr/health"))
                          .withHeader("X-Marked", equalTo("yes"))
                          .withHeader(
                              "User-Agent",
                              com.github.tomakehurst.wiremock.client.WireMock.containing(
                                  "built/1.0"))
                          .withHeader("X-API-Key", absent())
                          .withHeader("X-Tenant-Id", absent())
                          .withHeader("Authorization", absent()));
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .find("portal.api.client.requests")
                          .tag("client", "custom")
                          .timer())
                  .isNotNull();
            });
  }

  private static Status status(CompositeHealthContributor clients, String name) {
    return ((HealthIndicator) clients.getContributor(name)).health().getStatus();
  }

  /** Injects a named client by its qualifier, and the default one without. */
  static class BillingService {

    final PortalApiClient billing;

    final PortalApiClient portal;

    BillingService(@Qualifier("billing") PortalApiClient billing, PortalApiClient portal) {
      this.billing = billing;
      this.portal = portal;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class DerivedClientConfiguration {

    @Bean
    PortalApiClient patientPortalApiClient(PortalApiClient portal) {
      return portal.toBuilder().timeout(Duration.ofMinutes(1)).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoClientsConfiguration {

    @Bean
    PortalApiClient firstPortal() {
      return PortalApiClient.builder().apiUrl("https://one.example.com").build();
    }

    @Bean
    PortalApiClient secondPortal() {
      return PortalApiClient.builder().apiUrl("https://two.example.com").build();
    }
  }
}
