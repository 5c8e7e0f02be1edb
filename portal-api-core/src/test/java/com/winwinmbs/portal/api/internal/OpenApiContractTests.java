package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.http.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document shipped in the core and the route catalog describe the same contract: every
 * route of {@link Endpoints} appears exactly once, under its path and method, with {@code
 * namespace.operation} as its operationId, and the document holds nothing else.
 */
class OpenApiContractTests {

  static final String DOCUMENT = "/com/winwinmbs/portal/api/openapi/portal-api.yaml";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

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
  void everyOperationDescribesItsErrors() {
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (METHODS.contains(operation.getKey())) {
          assertThat(operation.getValue().path("responses").has("default"))
              .as("%s %s has a default error response", operation.getKey(), path.getKey())
              .isTrue();
        }
      }
    }
  }

  @Test
  void documentIsOpenApi31WrittenInTheSubsetThatOpenApi30AlsoReads() throws IOException {
    assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
    String text;
    try (InputStream in = OpenApiContractTests.class.getResourceAsStream(DOCUMENT)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // type arrays and const are 3.1-only; a 3.0 request validator must be able to read the document
    Matcher typeArray = Pattern.compile("type:\\s*\\[").matcher(text);
    assertThat(typeArray.find()).as("a type array").isFalse();
    assertThat(text).doesNotContain("const:");
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
