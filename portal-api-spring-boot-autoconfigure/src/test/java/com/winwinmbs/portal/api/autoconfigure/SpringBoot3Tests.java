package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSerializeAs;
import com.sun.net.httpserver.HttpServer;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.oauth.ClientCredentialsTokenProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectMapper;

/**
 * Applications on Spring Boot 3.5, each in a JVM of its own with Boot 3.5's jars (copied into
 * {@code target/spring-boot-3} by the build): with the starter (and the Boot 4 modules it brings)
 * startup fails at once with the version report, not with an error that hides the cause; with the
 * core and the few lines the report shows, the client works. (Without the jackson-annotations the
 * report asks for, the core fails there with {@code NoClassDefFoundError: JsonSerializeAs}.)
 */
@DisabledIfSystemProperty(
    named = "portal.other-boot-lines.skip",
    matches = "true",
    disabledReason = "the runs on other Spring Boot lines are left out (CI's second JDK)")
class SpringBoot3Tests {

  private static final Path SPRING_BOOT_3 = Paths.get("target", "spring-boot-3");

  @Test
  void theStarterOnSpringBootThreeFailsWithTheVersionReport() throws Exception {
    List<Path> classPath = springBoot3();
    classPath.add(location(SpringBootVersionCheck.class)); // the starter's auto-configuration
    classPath.addAll(core());
    // the Boot 4 modules the starter brings, which Boot 3's BOM does not manage
    classPath.add(location(RestClientAutoConfiguration.class));
    classPath.add(location(HttpClientSettings.class));
    classPath.add(location(HttpMessageConvertersAutoConfiguration.class));
    classPath.add(location(HealthIndicator.class));
    classPath.add(location(StarterApplication.class));

    Result result =
        run(classPath, StarterApplication.class, "--portal.api.base-url=https://a.test");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains("APPLICATION FAILED TO START")
        .contains(
            "portal-api-spring-boot-starter requires Spring Boot 4.0 or later, but this"
                + " application runs on Spring Boot 3.5.7.")
        .contains("stay on Spring Boot 3 with portal-api-core instead of")
        .doesNotContain("StarterApplication started");
  }

  @Test
  void theCoreWithTheReportsBeanWorksOnSpringBootThree() throws Exception {
    AtomicInteger tokenRequests = new AtomicInteger();
    HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext(
        "/oauth/token",
        (exchange) -> {
          tokenRequests.incrementAndGet();
          respond(
              exchange,
              "{\"access_token\":\"t0ken\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
    portal.createContext(
        "/health",
        (exchange) ->
            respond(
                exchange,
                "Bearer t0ken".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    ? "{\"success\":true,\"data\":{\"status\":\"ok\"}}"
                    : "{\"success\":true,\"data\":{\"status\":\"no token\"}}"));
    portal.start();
    try {
      List<Path> classPath = springBoot3();
      classPath.addAll(core());
      // as the report says: jackson-annotations at 2.21, not the 2.19 Spring Boot 3.5 manages
      classPath.add(location(JsonSerializeAs.class));
      classPath.add(location(CoreApplication.class));
      String baseUrl = "http://127.0.0.1:" + portal.getAddress().getPort();

      Result result =
          run(
              classPath,
              CoreApplication.class,
              "--portal.api.base-url=" + baseUrl,
              "--portal.api.auth.client-id=app_boot3",
              "--portal.api.auth.client-secret=s3cret");

      assertThat(result.output()).contains("(v3.5.7)").contains("portal health: ok");
      assertThat(result.exitCode()).isZero();
      assertThat(tokenRequests).hasValue(1);
    } finally {
      portal.stop(0);
    }
  }

  /** Spring Boot 3.5.7 and the libraries its BOM manages that the core also uses. */
  private static List<Path> springBoot3() throws IOException {
    assertThat(SPRING_BOOT_3).as("copied by the build (mvn test)").isDirectory();
    try (Stream<Path> jars = Files.list(SPRING_BOOT_3)) {
      return new ArrayList<>(jars.sorted().toList());
    }
  }

  /** The core and the libraries no Boot 3 BOM manages. */
  private static List<Path> core() {
    return List.of(
        location(PortalApiClient.class),
        location(ObjectMapper.class),
        location(JsonParser.class),
        location(Nullable.class));
  }

  private static Path location(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static Result run(List<Path> classPath, Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  record Result(int exitCode, String output) {}

  /** A Spring Boot 3 application with the starter on its class path. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class StarterApplication {

    public static void main(String[] args) {
      SpringApplication.run(StarterApplication.class, args);
    }
  }

  /** A Spring Boot 3 application with the core and the bean the version report shows. */
  @SpringBootConfiguration
  static class CoreApplication {

    @Bean
    PortalApiClient portalApiClient(
        @Value("${portal.api.base-url}") String baseUrl,
        @Value("${portal.api.auth.client-id}") String clientId,
        @Value("${portal.api.auth.client-secret}") String clientSecret) {
      return PortalApiClient.builder()
          .apiUrl(baseUrl)
          .tokenSource(
              ClientCredentialsTokenProvider.builder()
                  .apiUrl(baseUrl)
                  .clientId(clientId)
                  .clientSecret(clientSecret)
                  .build())
          .build();
    }

    public static void main(String[] args) {
      try (ConfigurableApplicationContext context =
          SpringApplication.run(CoreApplication.class, args)) {
        System.out.println(
            "portal health: " + context.getBean(PortalApiClient.class).health().check().status());
      }
    }
  }
}
