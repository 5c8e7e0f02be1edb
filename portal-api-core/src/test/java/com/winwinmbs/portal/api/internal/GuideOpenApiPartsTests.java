package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.http.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI parts of the guide's namespaces hold each route of the catalog exactly once, under its
 * path and method, with the catalog's {@code namespace.operation} as operationId, and nothing else.
 */
class GuideOpenApiPartsTests {

  private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
  private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");
  private static final Pattern OPERATION_ID = Pattern.compile("^      operationId:\\s*(\\S+)\\s*$");

  /** {@code METHOD /path operationId}, one per operation of the part, in order. */
  static List<String> operations(String part) throws IOException {
    String yaml;
    try (InputStream in = GuideOpenApiPartsTests.class.getResourceAsStream(
        "/com/winwinmbs/portal/api/openapi/parts/" + part + ".yaml")) {
      assertThat(in).as("part %s.yaml", part).isNotNull();
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> operations = new ArrayList<>();
    String path = null;
    String method = null;
    for (String line : yaml.split("\n")) {
      if (line.equals("components:")) {
        break;
      }
      Matcher m;
      if ((m = PATH.matcher(line)).matches()) {
        path = m.group(1);
      } else if ((m = METHOD.matcher(line)).matches()) {
        method = m.group(1).toUpperCase(Locale.ROOT);
      } else if ((m = OPERATION_ID.matcher(line)).matches()) {
        operations.add(method + " " + path + " " + m.group(1));
      }
    }
    return operations;
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth", "tenant", "mcptoken"})
  void eachRouteOfTheNamespaceAppearsOnceWithItsOperationId(String part) throws IOException {
    String namespace = part.equals("mcptoken") ? "mcpToken" : part;
    List<String> expected = new ArrayList<>();
    for (Endpoint endpoint : Endpoints.all()) {
      if (endpoint.namespace().equals(namespace)) {
        expected.add(endpoint.method() + " " + endpoint.uriTemplate() + " " + endpoint.id());
      }
    }

    List<String> operations = operations(part);

    assertThat(expected).isNotEmpty();
    assertThat(operations).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth", "tenant", "mcptoken"})
  void partsUseOnlyWhatOpenApi30AlsoReads(String part) throws IOException {
    String yaml;
    try (InputStream in = GuideOpenApiPartsTests.class.getResourceAsStream(
        "/com/winwinmbs/portal/api/openapi/parts/" + part + ".yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(yaml).doesNotContain("const:").doesNotContainPattern("type:\\s*\\[");
    for (String shared : Set.of("GuideError:", "ErrorEnvelope:", "Pagination:", "  Error:")) {
      assertThat(yaml).as("%s redefines a shared component", part).doesNotContain("\n    " + shared.trim());
    }
  }
}
