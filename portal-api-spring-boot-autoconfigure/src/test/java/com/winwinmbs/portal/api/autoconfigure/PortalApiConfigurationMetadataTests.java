package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The IDE metadata the configuration processor writes for {@code portal.api.*}. */
class PortalApiConfigurationMetadataTests {

  @Test
  void everyPortalPropertyHasADescription() throws Exception {
    Map<String, String> descriptions = descriptions();

    assertThat(descriptions.keySet())
        .filteredOn((name) -> name.startsWith("portal.api."))
        .hasSizeGreaterThan(15);
    assertThat(descriptions)
        .allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
  }

  @Test
  void descriptionsFollowBootsStyle() throws Exception {
    descriptions()
        .forEach(
            (name, description) -> {
              assertThat(description)
                  .as(name)
                  .doesNotStartWith("The ")
                  .doesNotStartWith("A ")
                  .endsWith(".");
            });
  }

  @Test
  void metadataListsTheDocumentedProperties() throws Exception {
    assertThat(descriptions())
        .containsKeys(
            "portal.api.base-url",
            "portal.api.api-key",
            "portal.api.tenant-id",
            "portal.api.timeout",
            "portal.api.connect-timeout",
            "portal.api.user-agent",
            "portal.api.allow-insecure-http",
            "portal.api.retry.max-attempts",
            "portal.api.retry.initial-backoff",
            "portal.api.retry.max-backoff",
            "portal.api.retry.max-rate-limit-wait",
            "portal.api.ssl.bundle",
            "portal.api.auth.mode",
            "portal.api.auth.token",
            "management.health.portal.enabled");
  }

  private static Map<String, String> descriptions() throws Exception {
    Map<String, String> descriptions = new LinkedHashMap<>();
    try (InputStream in =
        PortalApiConfigurationMetadataTests.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      JsonNode metadata = JsonMapper.builder().build().readTree(in);
      for (JsonNode property : metadata.get("properties")) {
        String name = property.get("name").asString();
        if (name.startsWith("portal.api.") || name.startsWith("management.health.portal.")) {
          JsonNode description = property.get("description");
          descriptions.put(name, (description != null) ? description.asString() : "");
        }
      }
    }
    return descriptions;
  }
}
