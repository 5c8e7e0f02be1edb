package com.winwinmbs.portal.api.autoconfigure;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.text.ParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web application of the forwarding tests: a JWT resource server whose controller calls the
 * portal.
 */
final class WebTestSupport {

  private WebTestSupport() {}

  /**
   * The properties of these tests: users' JWTs from the issuer {@code users}; the portal's machine
   * registration {@code portal} (client credentials) at the issuer {@code machines}; the portal at
   * {@code portalBaseUrl}.
   */
  static void usersAndMachines(
      DynamicPropertyRegistry registry, MockOAuth2Server oauth, Supplier<Object> portalBaseUrl) {
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        () -> oauth.issuerUrl("users").toString());
    registry.add(
        "spring.security.oauth2.client.registration.portal.client-id", () -> "portal-service");
    registry.add("spring.security.oauth2.client.registration.portal.client-secret", () -> "s3cret");
    registry.add(
        "spring.security.oauth2.client.registration.portal.authorization-grant-type",
        () -> "client_credentials");
    registry.add("spring.security.oauth2.client.registration.portal.provider", () -> "machines");
    registry.add(
        "spring.security.oauth2.client.provider.machines.token-uri",
        () -> oauth.tokenEndpointUrl("machines").toString());
    registry.add("portal.api.base-url", portalBaseUrl);
  }

  /**
   * Every request authenticated by a JWT; nothing else, so the test sees only the resource server.
   */
  @Configuration(proxyBeanMethods = false)
  static class ResourceServerSecurity {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
          .oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()))
          .build();
    }
  }

  /**
   * Calls the portal's health route through the one singleton client, marking each call with {@code
   * X-Caller} so the portal's journal shows whose call it was.
   */
  @RestController
  static class PortalController {

    private final PortalApiClient portal;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    PortalController(PortalApiClient portal) {
      this.portal = portal;
    }

    @GetMapping("/call")
    String call(Principal principal) {
      return check(principal.getName());
    }

    /** Hands the call to another thread as is: no user there. */
    @GetMapping("/call-on-pool")
    String callOnPool(Principal principal) throws InterruptedException, ExecutionException {
      String caller = "pool:" + principal.getName();
      return this.pool.submit(() -> check(caller)).get();
    }

    /** Hands the call to another thread, propagating the security context explicitly. */
    @GetMapping("/call-on-propagating-pool")
    String callOnPropagatingPool(Principal principal)
        throws InterruptedException, ExecutionException {
      String caller = "propagated:" + principal.getName();
      return new DelegatingSecurityContextExecutorService(this.pool)
          .submit(() -> check(caller))
          .get();
    }

    String check(String caller) {
      return this.portal
          .health()
          .withOptions(RequestOptions.builder().header("X-Caller", caller).build())
          .check()
          .status();
    }
  }

  static HttpResponse<String> get(HttpClient http, int port, String path, String token)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The bearer token of a request the portal received, or null when it carried none. */
  static @Nullable String bearer(LoggedRequest request) {
    String header = request.getHeader("Authorization");
    return header == null ? null : header.substring("Bearer ".length());
  }

  static String subject(String jwt) {
    try {
      return SignedJWT.parse(jwt).getJWTClaimsSet().getSubject();
    } catch (ParseException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
