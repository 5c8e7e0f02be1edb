package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.observation.DefaultPortalObservationConvention;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;

/** Conditions and back-offs of {@link PortalApiAutoConfiguration}. */
@WireMockTest
class PortalApiAutoConfigurationTests {

  private static final String HEALTHY =
      """
      {"success":true,"data":{"status":"ok","version":"4.2.0"}}
      """;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class,
                  PortalApiNamespaceAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  SslAutoConfiguration.class));

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void stubHealth(WireMockRuntimeInfo wm) {
    this.wm = wm;
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse().withHeader("Content-Type", "application/json").withBody(HEALTHY)));
  }

  private ApplicationContextRunner portal() {
    return this.runner.withPropertyValues("portal.api.base-url=" + this.wm.getHttpBaseUrl());
  }

  @Test
  void clientAndNamespaceBeansAreCreatedFromProperties() {
    portal()
        .withPropertyValues(
            "portal.api.api-key=app_key",
            "portal.api.tenant-id=tenant-7",
            "portal.api.user-agent=billing/1.4")
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(PortalApiClient.class)
                  .hasSingleBean(HealthApi.class);
              PortalApiClient client = context.getBean(PortalApiClient.class);
              assertThat(client.baseUrl()).isEqualTo(this.wm.getHttpBaseUrl());
              assertThat(context.getBean(HealthApi.class)).isSameAs(client.health());

              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("X-API-Key", equalTo("app_key"))
                          .withHeader("X-Tenant-Id", equalTo("tenant-7"))
                          .withHeader(
                              "User-Agent",
                              com.github.tomakehurst.wiremock.client.WireMock.containing(
                                  " billing/1.4")));
            });
  }

  @Test
  void everyNamespaceOfTheClientIsABean() {
    portal()
        .run(
            (context) -> {
              PortalApiClient client = context.getBean(PortalApiClient.class);
              List<Class<?>> namespaces = new ArrayList<>();
              for (java.lang.reflect.Method accessor : PortalApiClient.class.getMethods()) {
                Class<?> type = accessor.getReturnType();
                if (accessor.getParameterCount() == 0
                    && type.getSimpleName().endsWith("Api")
                    && type.getPackageName().startsWith("com.winwinmbs.portal.api.")) {
                  namespaces.add(type);
                  assertThat(context).hasSingleBean(type);
                  assertThat(context.getBean(type)).isSameAs(accessor.invoke(client));
                }
              }
              assertThat(namespaces).hasSize(18);
            });
  }

  @Test
  void aUserNamespaceBeanReplacesTheAutoConfiguredOne() {
    portal()
        .withBean(
            "myUsers",
            com.winwinmbs.portal.api.user.UserApi.class,
            () -> PortalApiClient.builder().apiUrl("http://localhost:1").build().user())
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(com.winwinmbs.portal.api.user.UserApi.class)
                  .hasBean("myUsers");
              assertThat(context.getBean(com.winwinmbs.portal.api.user.UserApi.class))
                  .isNotSameAs(context.getBean(PortalApiClient.class).user());
            });
  }

  @Test
  void retryAndTimeoutPropertiesReachTheClient() {
    portal()
        .withPropertyValues(
            "portal.api.timeout=7s",
            "portal.api.retry.max-attempts=5",
            "portal.api.retry.initial-backoff=100ms",
            "portal.api.retry.max-backoff=2s",
            "portal.api.retry.max-rate-limit-wait=15s")
        .run(
            (context) -> {
              String settings = context.getBean(PortalApiClient.class).toString();
              assertThat(settings)
                  .contains("timeout=PT7S")
                  .contains(
                      new RetryPolicy(
                              5,
                              Duration.ofMillis(100),
                              Duration.ofSeconds(2),
                              Duration.ofSeconds(15))
                          .toString());
            });
  }

  @Test
  void jdkTransportOnBootsHttpClientSettingsIsTheDefault() {
    portal()
        .run(
            (context) -> {
              PortalTransport transport = context.getBean(PortalTransport.class);
              assertThat(transport).isNotInstanceOf(RestClientPortalTransport.class);
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
              assertThat(transport).hasToString("JdkHttpTransport[HTTP_1_1, connectTimeout=PT10S]");
              assertThat(context.getBean(PortalApiClient.class).toString())
                  .contains(transport.toString());
            });
  }

  @Test
  void restClientTransportIsOnePropertyAway() {
    portal()
        .withPropertyValues("portal.api.http-client=rest-client")
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(RestClientPortalTransport.class);
              RestClientPortalTransport transport =
                  context.getBean(RestClientPortalTransport.class);
              assertThat(context.getBean(PortalApiClient.class).toString())
                  .contains(transport.toString());
              assertThat(transport.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
              assertThat(transport.settings().readTimeout()).isEqualTo(Duration.ofSeconds(30));
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
            });
  }

  @Test
  void restClientWithoutRestClientBuilderFailsSayingWhatToAdd() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PortalApiAutoConfiguration.class))
        .withPropertyValues(
            "portal.api.base-url=" + this.wm.getHttpBaseUrl(), "portal.api.http-client=rest-client")
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageContaining("portal.api.http-client is 'rest-client'"));
  }

  @Test
  void jdkTransportIsUsedWithoutRestClient() {
    portal()
        .withClassLoader(new FilteredClassLoader(RestClient.class))
        .run(
            (context) -> {
              assertThat(context.getBean(PortalApiClient.class).toString())
                  .contains("JdkHttpTransport");
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
            });
  }

  @Test
  void jdkTransportIsUsedWithoutSpringBootsHttpClientModule() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PortalApiAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.http.client"))
        .withPropertyValues("portal.api.base-url=" + this.wm.getHttpBaseUrl())
        .run(
            (context) -> {
              assertThat(context.getBean(PortalApiClient.class).health().check().isUp()).isTrue();
              assertThat(context.getBean(PortalApiClient.class).toString())
                  .contains("JdkHttpTransport[HTTP_1_1, connectTimeout=PT10S]");
            });
  }

  @Test
  void userTransportWins() {
    portal()
        .withUserConfiguration(UserTransportConfiguration.class)
        .run(
            (context) -> {
              assertThat(context).doesNotHaveBean(RestClientPortalTransport.class);
              assertThat(context.getBean(PortalApiClient.class).toString())
                  .contains(context.getBean(PortalTransport.class).toString());
            });
  }

  @Test
  void userClientMakesTheClientAndTransportBackOffAndFeedsTheNamespaces() {
    portal()
        .withUserConfiguration(UserClientConfiguration.class)
        .run(
            (context) -> {
              assertThat(context)
                  .hasSingleBean(PortalApiClient.class)
                  .doesNotHaveBean(PortalTransport.class);
              PortalApiClient client = context.getBean(PortalApiClient.class);
              assertThat(client).isSameAs(context.getBean("userPortalApiClient"));
              assertThat(context.getBean(HealthApi.class)).isSameAs(client.health());
            });
  }

  @Test
  void userClientNeedsNoBaseUrl() {
    this.runner
        .withUserConfiguration(UserClientConfiguration.class)
        .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PortalApiClient.class));
  }

  @Test
  void userNamespaceBeanWins() {
    portal()
        .withUserConfiguration(UserHealthApiConfiguration.class)
        .run(
            (context) -> {
              assertThat(context).hasSingleBean(HealthApi.class);
              assertThat(context.getBean(HealthApi.class))
                  .isSameAs(context.getBean("myHealthApi"))
                  .isNotSameAs(context.getBean(PortalApiClient.class).health());
            });
  }

  @Test
  void uniqueTokenSourceBeanIsUsed() {
    portal()
        .withBean(TokenSource.class, () -> TokenSource.of("machine-token"))
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("Authorization", equalTo("Bearer machine-token")));
            });
  }

  @Test
  void ambiguousTokenSourceBeansFailStartupNamingThem() {
    portal()
        .withBean("first", TokenSource.class, () -> TokenSource.of("first-token"))
        .withBean("second", TokenSource.class, () -> TokenSource.of("second-token"))
        .run(
            (context) -> {
              assertThat(context)
                  .hasFailed()
                  .getFailure()
                  .rootCause()
                  .isInstanceOf(PortalApiConfigurationException.class)
                  .hasMessageContaining("there are 2 and none is @Primary: first, second");
              PortalApiConfigurationException failure =
                  (PortalApiConfigurationException)
                      org.assertj.core.util.Throwables.getRootCause(context.getStartupFailure());
              assertThat(failure.action()).contains("@Primary");
              this.wm.getWireMock().verifyThat(0, getRequestedFor(urlEqualTo("/health")));
            });
  }

  @Test
  void primaryTokenSourceBeanIsUsedAmongSeveral() {
    portal()
        .withBean("first", TokenSource.class, () -> TokenSource.of("first-token"))
        .withBean(
            "second",
            TokenSource.class,
            () -> TokenSource.of("second-token"),
            (definition) -> definition.setPrimary(true))
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("Authorization", equalTo("Bearer second-token")));
            });
  }

  @Test
  void customizersAreAppliedInOrderAfterTheProperties() {
    portal()
        .withPropertyValues("portal.api.tenant-id=from-properties")
        .withUserConfiguration(CustomizerConfiguration.class)
        .run(
            (context) -> {
              assertThat(context.getBean(CustomizerConfiguration.class).applied)
                  .containsExactly("first", "second");
              context.getBean(HealthApi.class).check();
              // "second" runs last, so its tenant wins over both the properties and "first".
              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("X-Tenant-Id", equalTo("tenant-second")));
            });
  }

  @Test
  void observationRegistryBeanReceivesTheClientObservation() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    portal()
        .withBean(ObservationRegistry.class, () -> registry)
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo(DefaultPortalObservationConvention.NAME)
                  .that()
                  .hasLowCardinalityKeyValue("operation", "check");
            });
  }

  @Test
  void userObservationConventionReplacesTheDefault() {
    TestObservationRegistry registry = TestObservationRegistry.create();
    portal()
        .withBean(ObservationRegistry.class, () -> registry)
        .withBean(PortalObservationConvention.class, CustomConvention::new)
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();
              TestObservationRegistryAssert.assertThat(registry)
                  .hasObservationWithNameEqualTo("billing.portal.calls")
                  .that()
                  .hasLowCardinalityKeyValue("route", "health.check");
            });
  }

  @Test
  void clientWorksWithoutObservationRegistry() {
    portal()
        .run(
            (context) -> {
              assertThat(context).doesNotHaveBean(ObservationRegistry.class);
              assertThat(context.getBean(HealthApi.class).check().isUp()).isTrue();
            });
  }

  @Test
  void healthIndicatorIsContributedWhenHealthIsPresent() {
    portal()
        .run(
            (context) ->
                assertThat(context)
                    .hasBean("portalHealthIndicator")
                    .getBean("portalHealthIndicator")
                    .isInstanceOf(PortalApiHealthIndicator.class));
  }

  @Test
  void healthIndicatorBacksOffWithoutSpringBootHealth() {
    portal()
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run((context) -> assertThat(context).doesNotHaveBean("portalHealthIndicator"));
  }

  @Test
  void healthIndicatorIsSwitchedOffByProperty() {
    portal()
        .withPropertyValues("management.health.portal.enabled=false")
        .run((context) -> assertThat(context).doesNotHaveBean("portalHealthIndicator"));
  }

  @Test
  void healthIndicatorIsSwitchedOffWithTheDefaults() {
    portal()
        .withPropertyValues("management.health.defaults.enabled=false")
        .run((context) -> assertThat(context).doesNotHaveBean("portalHealthIndicator"));
  }

  @Test
  void userHealthIndicatorNamedPortalWins() {
    portal()
        .withBean(
            "portalHealthIndicator",
            HealthIndicator.class,
            () -> () -> org.springframework.boot.health.contributor.Health.up().build())
        .run(
            (context) ->
                assertThat(context)
                    .getBean("portalHealthIndicator")
                    .isNotInstanceOf(PortalApiHealthIndicator.class));
  }

  @Test
  void missingBaseUrlFailsStartup() {
    this.runner.run(
        (context) ->
            assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .isInstanceOf(PortalApiConfigurationException.class)
                .hasMessageContaining("portal.api.base-url is not set"));
  }

  @Test
  void malformedBaseUrlFailsStartup() {
    this.runner
        .withPropertyValues("portal.api.base-url=api.winwinmbs.com")
        .run(
            (context) ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageContaining("is not absolute"));
  }

  @Test
  void plainHttpToARemoteHostWithCredentialsFailsStartup() {
    this.runner
        .withPropertyValues("portal.api.base-url=http://portal.example.com", "portal.api.api-key=k")
        .run(
            (context) ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageContaining("plain http to portal.example.com"));
  }

  @Test
  void plainHttpToARemoteHostIsAllowedByProperty() {
    this.runner
        .withPropertyValues(
            "portal.api.base-url=http://portal.example.com",
            "portal.api.api-key=k",
            "portal.api.allow-insecure-http=true")
        .run((context) -> assertThat(context).hasNotFailed());
  }

  @Test
  void invalidRetryPropertyFailsStartupNamingIt() {
    portal()
        .withPropertyValues("portal.api.retry.max-attempts=0")
        .run(
            (context) ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageContaining("portal.api.retry")
                    .hasMessageContaining("maxAttempts must be at least 1"));
  }

  @Test
  void unknownSslBundleFailsStartup() {
    portal()
        .withPropertyValues("portal.api.ssl.bundle=missing")
        .run(
            (context) ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(PortalApiConfigurationException.class)
                    .hasMessageContaining("'missing', which is not configured"));
  }

  @Configuration(proxyBeanMethods = false)
  static class UserTransportConfiguration {

    @Bean
    PortalTransport userTransport() {
      return JdkHttpTransport.create(Duration.ofSeconds(3));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserClientConfiguration {

    @Bean
    PortalApiClient userPortalApiClient() {
      return PortalApiClient.builder().apiUrl("http://localhost:1").build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserHealthApiConfiguration {

    @Bean
    HealthApi myHealthApi() {
      return PortalApiClient.builder().apiUrl("http://localhost:1").build().health();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CustomizerConfiguration {

    final List<String> applied = new ArrayList<>();

    @Bean
    @Order(2)
    PortalApiClientCustomizer second() {
      return (builder) -> {
        this.applied.add("second");
        builder.tenantId("tenant-second");
      };
    }

    @Bean
    @Order(1)
    PortalApiClientCustomizer first() {
      return (builder) -> {
        this.applied.add("first");
        builder.tenantId("tenant-first");
      };
    }
  }

  static class CustomConvention extends DefaultPortalObservationConvention {

    @Override
    public String getName() {
      return "billing.portal.calls";
    }

    @Override
    public io.micrometer.common.KeyValues getLowCardinalityKeyValues(
        com.winwinmbs.portal.api.observation.PortalObservationContext context) {
      return io.micrometer.common.KeyValues.of("route", context.endpoint().id());
    }
  }
}
