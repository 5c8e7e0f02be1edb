package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** {@link PortalInterceptor} beans join the auto-configured client's request path, in order. */
@WireMockTest
class PortalInterceptorBeansTests {

  static final List<String> ORDER = new CopyOnWriteArrayList<>();

  @Test
  void interceptorBeansRunInTheirOrderAndTheirHeadersArrive(WireMockRuntimeInfo wm) {
    ORDER.clear();
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                PortalApiAutoConfiguration.class, PortalApiNamespaceAutoConfiguration.class))
        .withPropertyValues("portal.api.base-url=" + wm.getHttpBaseUrl())
        .withUserConfiguration(Interceptors.class)
        .run(
            (context) -> {
              context.getBean(HealthApi.class).check();

              assertThat(ORDER).containsExactly("correlation", "audit");
              wm.getWireMock()
                  .verifyThat(
                      getRequestedFor(urlEqualTo("/health"))
                          .withHeader("X-Correlation-Id", equalTo("corr-1")));
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Interceptors {

    @Bean
    @Order(2)
    PortalInterceptor audit() {
      return (chain) -> {
        ORDER.add("audit");
        return chain.proceed(chain.request());
      };
    }

    @Bean
    @Order(1)
    PortalInterceptor correlation() {
      return (chain) -> {
        ORDER.add("correlation");
        return chain.proceed(chain.request().withHeader("X-Correlation-Id", "corr-1"));
      };
    }
  }
}
