package com.winwinmbs.portal.api.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.internal.Endpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers a stub for every route of the route catalog. Routes with one path variable answer for
 * the ids of the dataset and with 404 for any other id; writes answer with the record they address
 * (or a new one) and change nothing.
 */
final class PortalStubs {

  /** Built-in stubs use WireMock's default priority, so a test's own stub (added later) wins. */
  static final int PRIORITY = 5;

  /** Unknown ids: below every built-in and user stub. */
  static final int FALLBACK_PRIORITY = 9;

  private PortalStubs() {}

  static void register(WireMockServer server) {
    for (Endpoint endpoint : Endpoints.all()) {
      if (PortalFilter.answersItself(endpoint)) {
        continue;
      }
      Map<String, JsonNode> records = PortalData.recordsFor(endpoint);
      if (records.isEmpty()) {
        server.stubFor(
            mapping(endpoint, urlPathEqualTo(endpoint.uriTemplate()), PRIORITY)
                .willReturn(response(endpoint, null, null)));
        continue;
      }
      String variable = endpoint.variableNames().get(0);
      for (Map.Entry<String, JsonNode> record : records.entrySet()) {
        String path =
            endpoint
                .uriTemplate()
                .replace(
                    "{" + variable + "}",
                    URLEncoder.encode(record.getKey(), StandardCharsets.UTF_8).replace("+", "%20"));
        server.stubFor(
            mapping(endpoint, urlPathEqualTo(path), PRIORITY)
                .willReturn(response(endpoint, record.getKey(), record.getValue())));
      }
      server.stubFor(
          mapping(endpoint, urlPathTemplate(endpoint.uriTemplate()), FALLBACK_PRIORITY)
              .willReturn(notFound(endpoint)));
    }
  }

  private static MappingBuilder mapping(
      Endpoint endpoint, com.github.tomakehurst.wiremock.matching.UrlPattern url, int priority) {
    return request(endpoint.method().name(), url)
        .atPriority(priority)
        .withName("mock portal: " + endpoint.id());
  }

  private static ResponseDefinitionBuilder response(
      Endpoint endpoint, @Nullable String key, @Nullable JsonNode record) {
    String ns = endpoint.namespace();
    String op = endpoint.operation();
    switch (endpoint.id()) {
      case "files.download":
        return download(record);
      case "auth.ssoLogin":
        return aResponse()
            .withStatus(302)
            .withHeader(
                "Location",
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=mock"
                    + "&state={{request.query.state}}")
            .withTransformers("response-template");
      case "systemConfig.getCategory":
        {
          ArrayNode configs = PortalData.JSON.createArrayNode();
          for (JsonNode config : PortalData.requireJson(ns, "configs").get("data")) {
            if (config.get("category").asString().equals(key)) {
              configs.add(config);
            }
          }
          return json(200, PortalData.envelope(configs, null));
        }
      case "permissionCategory.search":
        return json(
            200,
            PortalData.page(
                PortalData.flatten(PortalData.requireJson(ns, "tree").get("data")).stream()
                    .<JsonNode>map(PortalStubs::withoutChildren)
                    .toList()));
      case "todo.complete":
        return json(
            200,
            PortalData.envelope(
                copy(record).put("status", "completed").put("completed_at", "2026-11-22T08:45:00Z"),
                "Todo completed"));
      case "workflow.approve":
      case "workflow.reject":
        {
          String status = op.equals("approve") ? "approved" : "rejected";
          JsonNode sample = PortalData.requireJson(ns, op).get("data");
          ObjectNode task =
              copy(record)
                  .put("status", status)
                  .put("decided_at", sample.get("decided_at").asString())
                  .put("comment", sample.get("comment").asString());
          task.set("metadata", sample.get("metadata"));
          return json(200, PortalData.envelope(task, "Task " + status));
        }
      default:
        break;
    }
    JsonNode file = PortalData.json(ns, op);
    if (file != null) {
      return json(successStatus(endpoint), file);
    }
    if (op.equals("create")) {
      return json(200, created(endpoint));
    }
    if (record == null) {
      throw new IllegalStateException("No mock portal answer for " + endpoint.id());
    }
    if (!endpoint.envelope()) {
      return json(200, record);
    }
    return switch (op) {
      case "delete" -> json(200, PortalData.envelope(null, capitalized(ns) + " deleted"));
      default -> json(200, PortalData.envelope(record, null));
    };
  }

  /**
   * 201 for what the guide creates (a tenant, an MCP token), as it documents; 200 for everything
   * else.
   */
  static int successStatus(Endpoint endpoint) {
    boolean creates =
        endpoint.operation().equals("create") || endpoint.operation().equals("register");
    return !endpoint.envelope() && creates ? 201 : 200;
  }

  /** The answer of a create route: the first record of the dataset under a new id. */
  static JsonNode created(Endpoint create) {
    Endpoint findById =
        Endpoints.all().stream()
            .filter(e -> e.namespace().equals(create.namespace()))
            .filter(e -> e.operation().equals("findById"))
            .findFirst()
            .orElseThrow();
    JsonNode first = PortalData.recordsFor(findById).values().iterator().next();
    ObjectNode record = withoutChildren(first);
    String id = record.get("id").asString();
    record.put("id", id.substring(0, Math.min(4, id.length())) + "01NEWMOCKPORTAL00000000001");
    return PortalData.envelope(record, capitalized(create.namespace()) + " created");
  }

  private static ResponseDefinitionBuilder download(@Nullable JsonNode file) {
    if (file == null) {
      throw new IllegalStateException("download needs a file record");
    }
    String id = file.get("id").asString();
    byte[] content = PortalData.bytes("files", "content/" + id);
    if (content == null) {
      throw new IllegalStateException("Missing mock portal file content for " + id);
    }
    String name = file.get("original_name").asString();
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_");
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", file.get("mime_type").asString())
        .withHeader(
            "Content-Disposition",
            "attachment; filename=\""
                + ascii
                + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
        .withBody(content);
  }

  private static ResponseDefinitionBuilder notFound(Endpoint endpoint) {
    String what = capitalized(endpoint.namespace());
    if (!endpoint.envelope()) {
      ObjectNode body = PortalData.JSON.createObjectNode();
      body.put("error", "Not Found");
      body.put("message", what + " not found");
      body.put("statusCode", 404);
      return json(404, body);
    }
    return json(404, PortalFilter.portalError(404, "NOT_FOUND", what + " not found", null));
  }

  static ResponseDefinitionBuilder json(int status, JsonNode body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(PortalData.JSON.writeValueAsString(body));
  }

  private static ObjectNode copy(@Nullable JsonNode record) {
    if (record == null) {
      throw new IllegalStateException("route needs a record");
    }
    return (ObjectNode) record.deepCopy();
  }

  private static ObjectNode withoutChildren(JsonNode node) {
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.remove("children");
    return copy;
  }

  private static String capitalized(String namespace) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (char c : namespace.toCharArray()) {
      if (Character.isUpperCase(c) && word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      word.append(Character.toLowerCase(c));
    }
    words.add(word.toString());
    String text = String.join(" ", words);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
