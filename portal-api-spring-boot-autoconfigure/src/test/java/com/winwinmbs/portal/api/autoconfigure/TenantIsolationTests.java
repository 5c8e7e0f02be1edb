package com.winwinmbs.portal.api.autoconfigure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.health.HealthApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two hundred callers of twenty tenants at once through the one auto-configured client in a real
 * web server (Tomcat on a random port; the portal played by WireMock with a delay so the calls
 * overlap), the tenant read per call from the incoming request's {@code X-Tenant} header by a
 * {@link PortalTenantResolver} bean. Each call made on the request's thread carries its caller's
 * tenant and no other. Work handed to a shared pool as is finds no request there and carries the
 * configured {@code portal.api.tenant-id}, never another caller's; work given the tenant read on
 * the request's thread (the call's options) carries its caller's.
 */
@SpringBootTest(
    classes = TenantIsolationTests.TenantApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.tomcat.threads.max=300",
      "portal.api.timeout=20s",
      "portal.api.retry.max-attempts=1",
      "portal.api.tenant-id=" + TenantIsolationTests.FALLBACK
    })
class TenantIsolationTests {

  static final int CALLERS = 200;

  static final int TENANTS = 20;

  static final String FALLBACK = "configured-tenant";

  @RegisterExtension
  static final WireMockExtension portal =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(CALLERS * 3 + 50))
          .build();

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("portal.api.base-url", portal::baseUrl);
  }

  @BeforeEach
  void stubPortal() {
    portal.stubFor(
        get("/health")
            .willReturn(SpringSecurityClientCredentialsTests.okJson().withFixedDelay(100)));
  }

  @Test
  @Timeout(120)
  void eachConcurrentCallCarriesItsCallersTenantAndAHandedOffOneNeverAnothers() throws Exception {
    Map<String, String> tenants = new LinkedHashMap<>();
    for (int i = 0; i < CALLERS; i++) {
      tenants.put("caller-" + i, "tenant-" + (i % TENANTS));
    }

    callAllAtOnce(tenants);

    Map<String, List<LoggedRequest>> byRoute =
        portal.findAll(getRequestedFor(urlEqualTo("/health"))).stream()
            .collect(Collectors.groupingBy((request) -> request.getHeader("X-Route")));
    for (String route : List.of("direct", "explicit-pool")) {
      List<LoggedRequest> requests = byRoute.get(route);
      assertThat(requests).as(route).hasSize(CALLERS);
      assertThat(requests)
          .as("%s: each call with its caller's tenant", route)
          .allSatisfy(
              (request) ->
                  assertThat(request.getHeader("X-Tenant-Id"))
                      .isEqualTo(tenants.get(request.getHeader("X-Caller"))));
    }
    List<LoggedRequest> plain = byRoute.get("plain-pool");
    assertThat(plain).hasSize(CALLERS);
    assertThat(plain)
        .as("a pool thread serves no request: the configured tenant, never a caller's")
        .allSatisfy((request) -> assertThat(request.getHeader("X-Tenant-Id")).isEqualTo(FALLBACK));
  }

  /** Every caller calls at the same moment, each with its own tenant. */
  private void callAllAtOnce(Map<String, String> tenants) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(tenants.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      tenants.forEach(
          (caller, tenant) ->
              responses.add(
                  callers.submit(
                      () -> {
                        start.await();
                        return this.http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + this.port + "/tenant"))
                                .header("X-Tenant", tenant)
                                .header("X-Caller", caller)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                      })));
      start.countDown();
      for (Future<HttpResponse<String>> response : responses) {
        HttpResponse<String> received = response.get(90, TimeUnit.SECONDS);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /**
   * Calls the portal on the request's thread, on a shared pool as is, and on the same pool with the
   * tenant read on the request's thread and passed in the call's options: both kinds of task run on
   * the same threads, so a tenant left behind would show.
   */
  @RestController
  static class TenantController implements DisposableBean {

    private final HealthApi health;

    private final PortalTenantResolver tenants;

    private final ExecutorService shared = Executors.newFixedThreadPool(32);

    TenantController(HealthApi health, PortalTenantResolver tenants) {
      this.health = health;
      this.tenants = tenants;
    }

    @GetMapping("/tenant")
    String call(@RequestHeader("X-Caller") String caller) throws Exception {
      RequestOptions explicit =
          RequestOptions.builder().tenantId(this.tenants.resolveTenant().orElseThrow()).build();
      Future<String> plain = this.shared.submit(() -> check(caller, "plain-pool", null));
      Future<String> passed = this.shared.submit(() -> check(caller, "explicit-pool", explicit));
      return check(caller, "direct", null)
          + plain.get(60, TimeUnit.SECONDS)
          + passed.get(60, TimeUnit.SECONDS);
    }

    private String check(String caller, String route, RequestOptions options) {
      RequestOptions marked =
          RequestOptions.builder().header("X-Caller", caller).header("X-Route", route).build();
      return this.health
          .withOptions((options != null) ? options.with(marked) : marked)
          .check()
          .status();
    }

    @Override
    public void destroy() {
      this.shared.shutdownNow();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(TenantController.class)
  static class TenantApplication {

    @Bean
    PortalTenantResolver portalTenantResolver() {
      return PortalTenantResolver.fromRequestHeader("X-Tenant");
    }

    /** The test calls without credentials: the server lets every request through. */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
    }
  }
}
