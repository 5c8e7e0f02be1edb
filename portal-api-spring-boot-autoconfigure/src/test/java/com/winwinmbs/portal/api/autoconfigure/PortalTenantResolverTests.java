package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.health.HealthApi;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The tenant of each call from a {@link PortalTenantResolver} bean, and what takes precedence. */
@WireMockTest
class PortalTenantResolverTests {

  private final AtomicReference<Optional<String>> current = new AtomicReference<>(Optional.empty());

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PortalApiAutoConfiguration.class, PortalApiNamespaceAutoConfiguration.class))
          .withBean(PortalTenantResolver.class, () -> this.current::get)
          .withPropertyValues("portal.api.retry.max-attempts=1");

  private WireMockRuntimeInfo wm;

  @BeforeEach
  void stub(WireMockRuntimeInfo wm) {
    this.wm = wm;
    for (String path : new String[] {"/health", "/other/health"}) {
      wm.getWireMock()
          .register(
              get(path)
                  .willReturn(
                      aResponse()
                          .withHeader("Content-Type", "application/json")
                          .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    }
  }

  private ApplicationContextRunner portal() {
    return this.runner.withPropertyValues(
        "portal.api.base-url=" + this.wm.getHttpBaseUrl(), "portal.api.tenant-id=configured");
  }

  @Test
  void theResolversTenantIsSentAtEachCall() {
    portal()
        .run(
            (context) -> {
              HealthApi health = context.getBean(HealthApi.class);
              this.current.set(Optional.of("tenant-a"));
              health.check();
              this.current.set(Optional.of("tenant-b"));
              health.check();

              assertThat(tenantsSent()).containsExactly("tenant-a", "tenant-b");
            });
  }

  @Test
  void withoutATenantFromTheResolverThePropertysIsSent() {
    portal()
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();

              assertThat(tenantsSent()).containsExactly("configured");
            });
  }

  @Test
  void withNeitherNoTenantIsSent() {
    this.runner
        .withPropertyValues("portal.api.base-url=" + this.wm.getHttpBaseUrl())
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();

              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health")).withHeader("X-Tenant-Id", absent()));
            });
  }

  @Test
  void aTenantInTheCallsOptionsWins() {
    portal()
        .run(
            (context) -> {
              this.current.set(Optional.of("tenant-a"));
              context
                  .getBean(HealthApi.class)
                  .withOptions(RequestOptions.builder().tenantId("chosen").build())
                  .check();

              assertThat(tenantsSent()).containsExactly("chosen");
            });
  }

  @Test
  void aTenantThatWouldBreakTheHeaderIsRefusedAndNothingIsSent() {
    portal()
        .run(
            (context) -> {
              this.current.set(Optional.of("tenant-a\r\nX-Admin: yes"));
              Throwable failure = catchThrowable(() -> context.getBean(HealthApi.class).check());

              assertThat(failure)
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("X-Tenant-Id")
                  .hasMessageNotContaining("X-Admin");
              assertThat(this.wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
            });
  }

  @Test
  void namedClientsAskTheResolverTooAndFallBackToTheirOwnTenant() {
    portal()
        .withPropertyValues(
            "portal.api.clients.other.base-url=" + this.wm.getHttpBaseUrl() + "/other",
            "portal.api.clients.other.tenant-id=other-configured")
        .run(
            (context) -> {
              PortalApiClient other =
                  context.getBean("otherPortalApiClient", PortalApiClient.class);
              other.health().check();
              this.current.set(Optional.of("tenant-a"));
              other.health().check();

              assertThat(tenantsSent()).containsExactly("other-configured", "tenant-a");
            });
  }

  @Test
  void clientsFromTheBuilderBeanDoNotAskTheResolver() {
    portal()
        .run(
            (context) -> {
              this.current.set(Optional.of("tenant-a"));
              context
                  .getBean(PortalApiClient.Builder.class)
                  .apiUrl(this.wm.getHttpBaseUrl())
                  .build()
                  .health()
                  .check();

              this.wm
                  .getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health")).withHeader("X-Tenant-Id", absent()));
            });
  }

  private List<String> tenantsSent() {
    return this.wm.getWireMock().find(anyRequestedFor(anyUrl())).stream()
        .map((request) -> request.getHeader("X-Tenant-Id"))
        .toList();
  }

  @Test
  void twoResolversWithoutAPrimaryFailStartupRatherThanGuess() {
    portal()
        .withBean("otherResolver", PortalTenantResolver.class, () -> () -> Optional.of("other"))
        .run(
            (context) ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("PortalTenantResolver")
                    .hasStackTraceContaining("otherResolver"));
  }

  @Test
  void theHeaderResolverReadsNothingOutsideARequest() {
    assertThat(PortalTenantResolver.fromRequestHeader("X-Tenant").resolveTenant()).isEmpty();
    assertThat(PortalTenantResolver.fromRequestHeader("X-Tenant"))
        .hasToString("PortalTenantResolver[header X-Tenant]");
  }
}
