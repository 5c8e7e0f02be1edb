package com.winwinmbs.portal.api.test;

import com.winwinmbs.portal.api.http.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The mock portal's dataset, read from the JSON resources next to this class. */
final class PortalData {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String ROOT = "portal/";

  private PortalData() {}

  /** The resource {@code portal/<namespace>/<name>}, or null when there is none. */
  static byte @Nullable [] bytes(String namespace, String name) {
    try (InputStream in = PortalData.class.getResourceAsStream(ROOT + namespace + "/" + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON resource {@code portal/<namespace>/<name>.json}, or null when there is none. */
  static @Nullable JsonNode json(String namespace, String name) {
    byte[] bytes = bytes(namespace, name + ".json");
    return bytes == null ? null : JSON.readTree(bytes);
  }

  static JsonNode requireJson(String namespace, String name) {
    JsonNode node = json(namespace, name);
    if (node == null) {
      throw new IllegalStateException("Missing mock portal resource " + namespace + "/" + name);
    }
    return node;
  }

  /**
   * The records a route's path variable selects, by id: users for {@code user}'s {@code {id}},
   * pending tasks for {@code workflow}'s {@code {taskId}}, and so on. Empty when the route's
   * variable selects nothing from the dataset.
   */
  static Map<String, JsonNode> recordsFor(Endpoint endpoint) {
    List<String> variables = endpoint.variableNames();
    if (variables.size() != 1) {
      return Map.of();
    }
    String variable = variables.get(0);
    return switch (endpoint.namespace() + "." + variable) {
      case "user.id", "role.id", "permission.id", "todo.id", "webhook.id", "eventLog.id" ->
          byId(requireJson(endpoint.namespace(), "search").get("data"), "id");
      case "workflow.id" -> byId(requireJson("workflow", "search").get("data"), "id");
      case "workflow.taskId" -> byId(requireJson("workflow", "tasks").get("data"), "id");
      case "organization.id" ->
          byId(flatten(requireJson("organization", "tree").get("data")), "id");
      case "permissionCategory.id" ->
          byId(flatten(requireJson("permissionCategory", "tree").get("data")), "id");
      case "files.id" -> byId(requireJson("files", "files"), "id");
      case "systemConfig.key" -> byId(requireJson("systemConfig", "configs").get("data"), "key");
      case "systemConfig.category" -> {
        Map<String, JsonNode> byCategory = new LinkedHashMap<>();
        for (JsonNode config : requireJson("systemConfig", "configs").get("data")) {
          byCategory.putIfAbsent(config.get("category").asString(), config);
        }
        yield byCategory;
      }
      case "tenant.tenantId" -> byId(List.of(requireJson("auth", "me").get("tenant")), "id");
      case "mcpToken.tokenId" -> byId(requireJson("mcpToken", "list").get("tokens"), "id");
      default -> Map.of();
    };
  }

  /** Every node of a tree given as its roots with nested {@code children}, depth first. */
  static List<JsonNode> flatten(JsonNode roots) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode node : roots) {
      all.add(node);
      JsonNode children = node.get("children");
      if (children != null && children.isArray()) {
        all.addAll(flatten(children));
      }
    }
    return all;
  }

  private static Map<String, JsonNode> byId(Iterable<JsonNode> records, String field) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode record : records) {
      map.put(record.get(field).asString(), record);
    }
    return map;
  }

  /** {@code {"success": true, "data": data}}. */
  static ObjectNode envelope(@Nullable JsonNode data, @Nullable String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("success", true);
    body.set("data", data == null ? JSON.nullNode() : data);
    if (message != null) {
      body.put("message", message);
    }
    return body;
  }

  /** A page envelope holding every item. */
  static ObjectNode page(List<JsonNode> items) {
    ArrayNode data = JSON.createArrayNode();
    items.forEach(data::add);
    ObjectNode body = envelope(data, null);
    ObjectNode pagination = body.putObject("pagination");
    pagination.put("page", 1);
    pagination.put("limit", 20);
    pagination.put("total", items.size());
    pagination.put("total_pages", 1);
    return body;
  }
}
