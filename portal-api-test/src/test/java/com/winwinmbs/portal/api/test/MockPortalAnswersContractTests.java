package com.winwinmbs.portal.api.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.internal.Endpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the mock portal answers keeps the contract as much as what it accepts: its fixtures, every
 * built-in stub and the answers it makes itself (sign-in, refresh, refusals, scripted faults) are
 * each valid for their route's response in the OpenAPI document. A fixture, the document or the
 * stubs changed alone fail here until the others follow.
 */
@MockPortalTest
class MockPortalAnswersContractTests {

  private static final String SOMCHAI = MockPortalRoutesTests.SOMCHAI;

  /**
   * Fixtures that are no route's answer but the records the stubs serve one by one, each checked as
   * the answer that serves it.
   */
  private static final Map<String, String> DATASETS =
      Map.of(
          "files/files.json", "files.findById: each file in the portal envelope",
          "systemConfig/configs.json", "systemConfig.getCategory: the whole list");

  private final ContractValidator validator = ContractValidator.shared().join();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyFixtureIsValidForTheResponseOfItsRoute() throws IOException, URISyntaxException {
    Path root = Path.of(PortalData.class.getResource("portal").toURI());
    List<String> fixtures;
    try (Stream<Path> files = Files.walk(root)) {
      fixtures =
          files
              .filter(file -> file.toString().endsWith(".json"))
              .map(file -> root.relativize(file).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertThat(fixtures).hasSizeGreaterThan(30);

    List<String> broken = new ArrayList<>();
    for (String fixture : fixtures) {
      String namespace = fixture.substring(0, fixture.indexOf('/'));
      String name =
          fixture.substring(fixture.indexOf('/') + 1, fixture.length() - ".json".length());
      JsonNode json = PortalData.requireJson(namespace, name);
      if (fixture.equals("files/files.json")) {
        for (JsonNode file : json) {
          broken.addAll(
              check(
                  Endpoints.FILES_FIND_BY_ID,
                  200,
                  Map.of(),
                  PortalData.envelope(file, null).toString()));
        }
        continue;
      }
      if (fixture.equals("systemConfig/configs.json")) {
        broken.addAll(check(Endpoints.SYSTEM_CONFIG_GET_CATEGORY, 200, Map.of(), json.toString()));
        continue;
      }
      Endpoint route = route(namespace + "." + name);
      assertThat(route)
          .as("%s is the answer of route %s.%s or a dataset %s", fixture, namespace, name, DATASETS)
          .isNotNull();
      broken.addAll(check(route, PortalStubs.successStatus(route), Map.of(), json.toString()));
    }
    assertThat(broken).as("fixtures that break the document").isEmpty();
  }

  @Test
  void everyBuiltInStubAnswersAsTheDocumentSays(MockPortal portal) {
    List<String> broken = new ArrayList<>();
    Set<Endpoint> answered = new HashSet<>();
    Set<String> templated = new HashSet<>();
    for (StubMapping stub : portal.wireMock().getStubMappings()) {
      String name = stub.getName();
      if (name == null || !name.startsWith("mock portal: ")) {
        continue;
      }
      Endpoint endpoint = route(name.substring("mock portal: ".length()));
      assertThat(endpoint).as(name).isNotNull();
      String path = stub.getRequest().getUrlPath();
      if (path == null) { // the fallback of unknown ids
        path = endpoint.uriTemplate().replaceAll("\\{[^}]+}", "unknown-id");
      }
      ResponseDefinition response = stub.getResponse();
      answered.add(endpoint);
      if (response.getTransformers() != null && !response.getTransformers().isEmpty()) {
        templated.add(endpoint.id()); // its answer is made per request: checked over HTTP below
        continue;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      if (response.getHeaders() != null) {
        for (HttpHeader header : response.getHeaders().all()) {
          headers.put(header.key(), header.values());
        }
      }
      byte[] body = response.getByteBody();
      List<String> errors =
          validator.validateResponse(
              endpoint.method().name(),
              path,
              response.getStatus(),
              headers,
              body == null ? new byte[0] : body);
      if (!errors.isEmpty()) {
        broken.add(endpoint.id() + " " + path + " -> " + response.getStatus() + ": " + errors);
      }
    }

    assertThat(broken).as("stubbed answers that break the document").isEmpty();
    assertThat(templated).containsExactly("auth.ssoLogin");
    assertThat(answered)
        .containsExactlyInAnyOrderElementsOf(
            Endpoints.all().stream().filter(e -> !PortalFilter.answersItself(e)).toList());
  }

  @Test
  void answersTheMockMakesItselfKeepTheContract(MockPortal portal) throws Exception {
    String user = "/users/" + SOMCHAI;
    String tokens = "/mcp/tokens";
    String mcpToken =
        tokens + "/" + PortalData.requireJson("mcpToken", "list").at("/tokens/0/id").asString();
    String token = "Bearer " + MockPortal.ACCESS_TOKEN;

    HttpResponse<byte[]> login =
        send(
            portal,
            "POST",
            "/auth/login",
            "{\"email\":\"" + MockPortal.USER_EMAIL + "\",\"password\":\"SecurePassword123!\"}",
            null,
            null);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    List<HttpResponse<byte[]>> answers = new ArrayList<>();
    answers.add(login);
    answers.add(
        send(
            portal,
            "POST",
            "/auth/login",
            "{\"email\":\"" + MockPortal.USER_EMAIL + "\",\"password\":\"wrong\"}",
            null,
            null));
    answers.add(send(portal, "POST", "/auth/refresh", "{}", null, cookie));
    answers.add(send(portal, "POST", "/auth/refresh", "{}", null, null));
    answers.add(send(portal, "GET", user, null, null, null));
    answers.add(send(portal, "GET", tokens, null, null, null));
    answers.add(send(portal, "GET", "/auth/sso/login?provider=azuread&state=s1", null, null, null));
    for (String path : List.of(user, mcpToken)) {
      portal.rateLimitNext(Duration.ofMillis(1500));
      answers.add(send(portal, "GET", path, null, token, null));
      portal.unavailableNext(1);
      answers.add(send(portal, "GET", path, null, token, null));
      portal.validationErrorNext(Map.of("email", "Email is required"));
      answers.add(send(portal, "GET", path, null, token, null));
    }
    answers.add(send(portal, "POST", "/users/search", "{\"page\":\"first\"}", token, null));
    answers.add(send(portal, "GET", tokens + "/x/audit-logs?limit=500", null, token, null));

    assertThat(answers)
        .extracting(HttpResponse::statusCode)
        .containsExactly(200, 401, 200, 401, 401, 401, 302, 429, 503, 400, 429, 503, 400, 400, 400);
    List<String> broken = new ArrayList<>();
    for (HttpResponse<byte[]> answer : answers) {
      List<String> errors =
          validator.validateResponse(
              answer.request().method(),
              answer.request().uri().getRawPath(),
              answer.statusCode(),
              answer.headers().map(),
              answer.body());
      if (!errors.isEmpty()) {
        broken.add(
            answer.request().method()
                + " "
                + answer.request().uri().getRawPath()
                + " -> "
                + answer.statusCode()
                + ": "
                + errors);
      }
    }
    assertThat(broken).as("answers that break the document").isEmpty();
    assertThat(portal.contractViolations()).hasSize(2); // the two requests sent to break it
    portal.reset();
  }

  @Test
  void routesTheMockLeavesOpenAreThoseTheDocumentMarksPublic() throws IOException {
    JsonNode document;
    try (var in = PortalData.class.getResourceAsStream(ContractValidator.DOCUMENT)) {
      document = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(in);
    }
    Set<String> open = new HashSet<>();
    for (Endpoint endpoint : Endpoints.all()) {
      JsonNode security =
          document
              .path("paths")
              .path(endpoint.uriTemplate())
              .path(endpoint.method().name().toLowerCase(java.util.Locale.ROOT))
              .path("security");
      if (security.isArray() && security.isEmpty()) {
        open.add(endpoint.id());
      }
    }
    assertThat(PortalFilter.PUBLIC_ROUTES).isEqualTo(open);
  }

  private List<String> check(
      Endpoint endpoint, int status, Map<String, List<String>> headers, String body) {
    Map<String, List<String>> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", List.of("application/json"));
    String path = endpoint.uriTemplate().replaceAll("\\{[^}]+}", "some-id");
    List<String> errors =
        validator.validateResponse(
            endpoint.method().name(),
            path,
            status,
            all,
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return errors.isEmpty() ? List.of() : List.of(endpoint.id() + ": " + errors);
  }

  private HttpResponse<byte[]> send(
      MockPortal portal,
      String method,
      String path,
      @Nullable String json,
      @Nullable String authorization,
      @Nullable String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static @Nullable Endpoint route(String id) {
    return Endpoints.all().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
  }
}
