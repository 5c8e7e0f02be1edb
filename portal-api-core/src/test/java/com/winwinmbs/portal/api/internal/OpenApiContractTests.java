package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document shipped in the core and the route catalog describe the same contract: every
 * route of {@link Endpoints} appears exactly once, under its path and method, with {@code
 * namespace.operation} as its operationId, and the document holds nothing else; each operation
 * states its credentials and the errors that apply to it, in the error envelope of its route.
 */
class OpenApiContractTests {

  static final String DOCUMENT = "/com/winwinmbs/portal/api/openapi/portal-api.yaml";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** Routes that take no credentials: the document marks them {@code security: []}. */
  static final Set<String> PUBLIC_ROUTES =
      Set.of("auth.login", "auth.refresh", "auth.ssoLogin", "tenant.register", "tenant.checkSlug");

  /** Error statuses and the name of their shared response, after the family prefix. */
  private static final Map<String, String> ERROR_RESPONSES =
      Map.of(
          "400", "BadRequest",
          "401", "Unauthorized",
          "403", "Forbidden",
          "404", "NotFound",
          "409", "Conflict",
          "422", "UnprocessableEntity",
          "429", "TooManyRequests",
          "5XX", "ServerError");

  private static JsonNode document;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = OpenApiContractTests.class.getResourceAsStream(DOCUMENT)) {
      assertThat(in).as(DOCUMENT).isNotNull();
      document = new YAMLMapper().readTree(in);
    }
  }

  @Test
  void operationsOfTheDocumentAreExactlyTheRoutesOfTheCatalog() {
    List<String> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          operations.add(
              operation.getKey().toUpperCase(Locale.ROOT)
                  + " "
                  + path.getKey()
                  + " "
                  + operation.getValue().path("operationId").asString());
        }
      }
    }
    List<String> routes = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.all()) {
      routes.add(endpoint.method() + " " + endpoint.uriTemplate() + " " + endpoint.id());
    }

    assertThat(routes).doesNotHaveDuplicates().hasSize(80);
    assertThat(operations).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(routes);
  }

  @Test
  void everyReferenceResolves() {
    Set<String> references = new HashSet<>();
    collectReferences(document, references);
    assertThat(references).isNotEmpty();
    for (String reference : references) {
      assertThat(reference).startsWith("#/components/");
      assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
    }
  }

  @Test
  void everyOperationListsTheErrorsThatApplyInTheEnvelopeOfItsRoute() {
    for (Endpoint endpoint : Endpoints.all()) {
      JsonNode operation = operation(endpoint);
      String family = endpoint.envelope() ? "Portal" : "Guide";
      Map<String, String> errors = new TreeMap<>();
      for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
        String status = response.getKey();
        if (!status.startsWith("2") && !status.startsWith("3")) {
          errors.put(status, response.getValue().path("$ref").asString());
        }
      }

      Map<String, String> expected = new TreeMap<>();
      for (String status : expectedErrorStatuses(endpoint, operation)) {
        expected.put(status, "#/components/responses/" + family + ERROR_RESPONSES.get(status));
      }
      assertThat(errors).as("error responses of %s", endpoint.id()).isEqualTo(expected);
    }
  }

  @Test
  void errorResponsesCarryTheErrorEnvelopeOfTheirFamily() {
    JsonNode responses = document.path("components").path("responses");
    for (String family : List.of("Portal", "Guide")) {
      String schema = family.equals("Portal") ? "ErrorEnvelope" : "GuideError";
      for (String name : ERROR_RESPONSES.values()) {
        JsonNode response = responses.path(family + name);
        assertThat(response.isMissingNode()).as(family + name).isFalse();
        assertThat(response.at("/content/application~1json/schema/$ref").asString())
            .as(family + name)
            .isEqualTo("#/components/schemas/" + schema);
      }
    }
    assertThat(responses.path("PortalTooManyRequests").path("headers").propertyNames())
        .contains("Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
  }

  @Test
  void everyOperationStatesItsCredentials() {
    List<String> publicRoutes = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.all()) {
      JsonNode security = operation(endpoint).get("security");
      assertThat(security).as("security of %s", endpoint.id()).isNotNull();
      if (security.isEmpty()) {
        publicRoutes.add(endpoint.id());
      } else if (endpoint.envelope()) {
        assertThat(schemes(security))
            .as(endpoint.id())
            .containsExactly("bearerAuth", "clientCredentials", "apiKey");
      } else {
        assertThat(schemes(security)).as(endpoint.id()).containsExactly("bearerAuth");
      }
    }
    assertThat(publicRoutes).containsExactlyInAnyOrderElementsOf(PUBLIC_ROUTES);
    assertThat(document.has("security")).as("a global security requirement").isFalse();
  }

  @Test
  void securitySchemesAreBearerApiKeyAndClientCredentialsAgainstTheTokenEndpoint() {
    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(schemes.path("bearerAuth").path("type").asString()).isEqualTo("http");
    assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
    assertThat(schemes.path("apiKey").path("in").asString()).isEqualTo("header");
    assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
    assertThat(schemes.path("clientCredentials").path("type").asString()).isEqualTo("oauth2");
    // the path ClientCredentialsTokenProvider appends to apiUrl by default
    assertThat(schemes.at("/clientCredentials/flows/clientCredentials/tokenUrl").asString())
        .isEqualTo("/oauth/token");
  }

  @Test
  void documentNamesItsServerLicenseAndContact() {
    assertThat(document.path("servers")).isNotEmpty();
    assertThat(document.at("/servers/0/url").asString()).startsWith("https://");
    assertThat(document.at("/info/license/name").asString()).isNotBlank();
    assertThat(document.at("/info/contact/url").asString()).startsWith("https://");
  }

  @Test
  void documentIsOpenApi303AndUsesNothingOfOpenApi31() throws IOException {
    assertThat(document.path("openapi").asString()).isEqualTo("3.0.3");
    assertThat(document.has("webhooks")).isFalse();
    assertThat(document.has("jsonSchemaDialect")).isFalse();
    String text;
    try (InputStream in = OpenApiContractTests.class.getResourceAsStream(DOCUMENT)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher typeArray = Pattern.compile("type:\\s*\\[").matcher(text);
    assertThat(typeArray.find()).as("a type array").isFalse();
    assertThat(text).doesNotContain("const:");
    List<String> nullableWithoutType = new ArrayList<>();
    collectNullableWithoutType(document, "", nullableWithoutType);
    assertThat(nullableWithoutType).as("nullable needs a type beside it in 3.0").isEmpty();
  }

  /**
   * The error policy of the document: every route may be rate limited or fail; routes that take
   * credentials may refuse them; routes with input may find it invalid; routes that address a
   * record may not find it; writes may conflict or break a business rule. The guide adds the
   * session routes' own errors (a refused sign-in or refresh, a suspended account, an unknown
   * tenant).
   */
  private static Set<String> expectedErrorStatuses(Endpoint endpoint, JsonNode operation) {
    boolean secured = !PUBLIC_ROUTES.contains(endpoint.id());
    boolean input = operation.has("requestBody");
    for (JsonNode parameter : operation.path("parameters")) {
      input |= Set.of("path", "query", "cookie").contains(parameter.path("in").asString());
    }
    boolean write =
        !endpoint.namespace().equals("auth")
            && (endpoint.method() == HttpMethod.PUT
                || endpoint.method() == HttpMethod.DELETE
                || (endpoint.method() == HttpMethod.POST && !endpoint.idempotent()));
    Set<String> statuses = new HashSet<>(List.of("429", "5XX"));
    if (input) {
      statuses.add("400");
    }
    if (secured || endpoint.id().equals("auth.login") || endpoint.id().equals("auth.refresh")) {
      statuses.add("401");
    }
    if (secured || endpoint.id().equals("auth.login")) {
      statuses.add("403");
    }
    if (!endpoint.variableNames().isEmpty() || endpoint.id().equals("auth.login")) {
      statuses.add("404");
    }
    if (write) {
      statuses.addAll(List.of("409", "422"));
    }
    return statuses;
  }

  private static JsonNode operation(Endpoint endpoint) {
    JsonNode operation =
        document
            .path("paths")
            .path(endpoint.uriTemplate())
            .path(endpoint.method().name().toLowerCase(Locale.ROOT));
    assertThat(operation.isMissingNode()).as(endpoint.id()).isFalse();
    return operation;
  }

  private static List<String> schemes(JsonNode security) {
    List<String> names = new ArrayList<>();
    for (JsonNode requirement : security) {
      names.addAll(requirement.propertyNames());
    }
    return names;
  }

  private static void collectNullableWithoutType(JsonNode node, String at, List<String> found) {
    if (node.isObject()) {
      if (node.has("nullable") && !node.has("type")) {
        found.add(at);
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collectNullableWithoutType(field.getValue(), at + "/" + field.getKey(), found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNullableWithoutType(node.get(i), at + "/" + i, found);
      }
    }
  }

  private static void collectReferences(JsonNode node, Set<String> references) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().equals("$ref")) {
          references.add(field.getValue().asString());
        } else {
          collectReferences(field.getValue(), references);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectReferences(element, references));
    }
  }
}
