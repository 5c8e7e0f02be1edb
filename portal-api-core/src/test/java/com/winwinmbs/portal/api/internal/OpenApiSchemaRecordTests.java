package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.Sort;
import com.winwinmbs.portal.api.auth.CurrentUser;
import com.winwinmbs.portal.api.auth.LoginResult;
import com.winwinmbs.portal.api.auth.RefreshResult;
import com.winwinmbs.portal.api.auth.SessionUser;
import com.winwinmbs.portal.api.email.EmailHistoryEntry;
import com.winwinmbs.portal.api.email.EmailSendRequest;
import com.winwinmbs.portal.api.email.EmailSendResult;
import com.winwinmbs.portal.api.email.EmailStatus;
import com.winwinmbs.portal.api.email.EmailTemplate;
import com.winwinmbs.portal.api.eventlog.ActorType;
import com.winwinmbs.portal.api.eventlog.EventCategory;
import com.winwinmbs.portal.api.eventlog.EventLog;
import com.winwinmbs.portal.api.files.FileInfo;
import com.winwinmbs.portal.api.health.HealthStatus;
import com.winwinmbs.portal.api.line.LineLink;
import com.winwinmbs.portal.api.line.LineLinkRequest;
import com.winwinmbs.portal.api.line.LineNotifyRequest;
import com.winwinmbs.portal.api.line.LineNotifyResult;
import com.winwinmbs.portal.api.line.LineUnlinkRequest;
import com.winwinmbs.portal.api.mcptoken.CreateMcpTokenRequest;
import com.winwinmbs.portal.api.mcptoken.CreatedMcpToken;
import com.winwinmbs.portal.api.mcptoken.McpAuditLog;
import com.winwinmbs.portal.api.mcptoken.McpToken;
import com.winwinmbs.portal.api.organization.Organization;
import com.winwinmbs.portal.api.organization.OrganizationCreateRequest;
import com.winwinmbs.portal.api.organization.OrganizationMoveRequest;
import com.winwinmbs.portal.api.organization.OrganizationUpdateRequest;
import com.winwinmbs.portal.api.otp.OtpChallenge;
import com.winwinmbs.portal.api.otp.OtpChannel;
import com.winwinmbs.portal.api.otp.OtpRequest;
import com.winwinmbs.portal.api.otp.OtpVerification;
import com.winwinmbs.portal.api.otp.OtpVerifyRequest;
import com.winwinmbs.portal.api.permission.Permission;
import com.winwinmbs.portal.api.permission.PermissionCreateRequest;
import com.winwinmbs.portal.api.permission.PermissionUpdateRequest;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategory;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryCreateRequest;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryUpdateRequest;
import com.winwinmbs.portal.api.role.Role;
import com.winwinmbs.portal.api.role.RoleCreateRequest;
import com.winwinmbs.portal.api.role.RolePermission;
import com.winwinmbs.portal.api.role.RoleUpdateRequest;
import com.winwinmbs.portal.api.systemconfig.SystemConfig;
import com.winwinmbs.portal.api.systemconfig.SystemConfigType;
import com.winwinmbs.portal.api.systemconfig.SystemConfigUpdateRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantRequest;
import com.winwinmbs.portal.api.tenant.RegisterTenantResult;
import com.winwinmbs.portal.api.tenant.SlugAvailability;
import com.winwinmbs.portal.api.tenant.SsoConfig;
import com.winwinmbs.portal.api.tenant.SsoTestResult;
import com.winwinmbs.portal.api.tenant.Tenant;
import com.winwinmbs.portal.api.tenant.TenantUser;
import com.winwinmbs.portal.api.tenant.UpdateSsoConfigRequest;
import com.winwinmbs.portal.api.todo.Todo;
import com.winwinmbs.portal.api.todo.TodoCreateRequest;
import com.winwinmbs.portal.api.todo.TodoUpdateRequest;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserCreateRequest;
import com.winwinmbs.portal.api.user.UserPosition;
import com.winwinmbs.portal.api.user.UserPositionAssignment;
import com.winwinmbs.portal.api.user.UserUpdateRequest;
import com.winwinmbs.portal.api.webhook.Webhook;
import com.winwinmbs.portal.api.webhook.WebhookCreateRequest;
import com.winwinmbs.portal.api.webhook.WebhookEvent;
import com.winwinmbs.portal.api.webhook.WebhookUpdateRequest;
import com.winwinmbs.portal.api.workflow.TaskDecision;
import com.winwinmbs.portal.api.workflow.Workflow;
import com.winwinmbs.portal.api.workflow.WorkflowInstance;
import com.winwinmbs.portal.api.workflow.WorkflowStep;
import com.winwinmbs.portal.api.workflow.WorkflowTask;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The schemas of the OpenAPI document and the Java records the client reads and writes cannot drift
 * apart: each schema is mapped to its record in {@link #MAPPINGS} (or listed in {@link #UNMAPPED}
 * with the reason), and a mapped schema's properties are the record's JSON properties as Jackson
 * writes them, with the same required set, nullability and types.
 *
 * <p>What the record says, read the way the wire uses it:
 *
 * <ul>
 *   <li>a request body ({@link Direction#REQUEST}) is what the client writes, so it matches
 *       exactly: nulls are not sent, so a component that is not {@code @Nullable} is always sent
 *       and {@code required}, and only one marked {@code JsonInclude.Include.ALWAYS} is sent as
 *       null, so it is required and {@code nullable}; Jackson writes no other property;
 *   <li>an answer ({@link Direction#RESPONSE}) is read by a tolerant reader: every property the
 *       schema lets the portal leave out or send as null is {@code @Nullable} in the record, or has
 *       a default (a primitive, or a list or map that decodes to empty), so a component the record
 *       relies on is {@code required} and not {@code nullable}; the record may accept more than the
 *       schema promises (a {@code @Nullable} id the portal always sends);
 *   <li>a record that keeps unknown fields ({@code @JsonAnyGetter}) has {@code
 *       additionalProperties: true}.
 * </ul>
 *
 * <p>Renaming a record is a change of one line of {@link #MAPPINGS}.
 */
class OpenApiSchemaRecordTests {

  enum Direction {
    REQUEST,
    RESPONSE,
    BOTH
  }

  /** One schema of the document, by name or JSON pointer, and the record it is read into. */
  record Mapping(String schema, Class<?> type, Direction direction) {}

  private static final List<Mapping> MAPPINGS =
      List.of(
          response("Pagination", Pagination.class),
          request("Sort", Sort.class),
          request("SearchRequest", SearchRequest.class),
          response("HealthStatus", HealthStatus.class),
          // user
          response("User", User.class),
          response("UserRole", com.winwinmbs.portal.api.user.RoleRef.class),
          response("UserPosition", UserPosition.class),
          request("UserCreateRequest", UserCreateRequest.class),
          request("UserUpdateRequest", UserUpdateRequest.class),
          request("UserSetRolesRequest", type("internal.namespaces.SetRolesBody")),
          request("UserPositionAssignment", UserPositionAssignment.class),
          request("UserSetPositionsRequest", type("internal.namespaces.SetPositionsBody")),
          // organization
          response("Organization", Organization.class),
          request("OrganizationCreateRequest", OrganizationCreateRequest.class),
          request("OrganizationUpdateRequest", OrganizationUpdateRequest.class),
          request("OrganizationMoveRequest", OrganizationMoveRequest.class),
          // role and permission
          response("Role", Role.class),
          response("RolePermission", RolePermission.class),
          request("RoleCreateRequest", RoleCreateRequest.class),
          request("RoleUpdateRequest", RoleUpdateRequest.class),
          request("RoleSetPermissionsRequest", type("internal.namespaces.SetPermissionsBody")),
          response("Permission", Permission.class),
          request("PermissionCreateRequest", PermissionCreateRequest.class),
          request("PermissionUpdateRequest", PermissionUpdateRequest.class),
          response("PermissionCategory", PermissionCategory.class),
          request("PermissionCategoryCreateRequest", PermissionCategoryCreateRequest.class),
          request("PermissionCategoryUpdateRequest", PermissionCategoryUpdateRequest.class),
          // workflow and todo
          response("Workflow", Workflow.class),
          response("WorkflowStep", WorkflowStep.class),
          response("WorkflowInstance", WorkflowInstance.class),
          response("WorkflowTask", WorkflowTask.class),
          request("WorkflowTaskDecision", TaskDecision.class),
          response("Todo", Todo.class),
          request("TodoCreateRequest", TodoCreateRequest.class),
          request("TodoUpdateRequest", TodoUpdateRequest.class),
          // files, email, otp, line
          response("FileInfo", FileInfo.class),
          value("EmailStatus", EmailStatus.class),
          request("EmailSendRequest", EmailSendRequest.class),
          response("EmailSendResult", EmailSendResult.class),
          response("EmailTemplate", EmailTemplate.class),
          response("EmailHistoryEntry", EmailHistoryEntry.class),
          value("OtpChannel", OtpChannel.class),
          request("OtpRequest", OtpRequest.class),
          response("OtpChallenge", OtpChallenge.class),
          request("OtpVerifyRequest", OtpVerifyRequest.class),
          response("OtpVerification", OtpVerification.class),
          request("LineLinkRequest", LineLinkRequest.class),
          response("LineLink", LineLink.class),
          request("LineUnlinkRequest", LineUnlinkRequest.class),
          request("LineNotifyRequest", LineNotifyRequest.class),
          response("LineNotifyResult", LineNotifyResult.class),
          // webhook, system config, event log
          value("WebhookEvent", WebhookEvent.class),
          response("Webhook", Webhook.class),
          request("WebhookCreateRequest", WebhookCreateRequest.class),
          request("WebhookUpdateRequest", WebhookUpdateRequest.class),
          value("SystemConfigType", SystemConfigType.class),
          response("SystemConfig", SystemConfig.class),
          request("SystemConfigUpdateRequest", SystemConfigUpdateRequest.class),
          value("EventCategory", EventCategory.class),
          value("ActorType", ActorType.class),
          response("EventLog", EventLog.class),
          // the guide's session, tenant and MCP-token routes
          request("LoginRequest", type("internal.namespaces.LoginRequest")),
          response("SessionUser", SessionUser.class),
          response("SessionTenant", Tenant.class),
          response("LoginResult", LoginResult.class),
          response("CurrentUser", CurrentUser.class),
          response("RefreshResult", RefreshResult.class),
          request("RegisterTenantRequest", RegisterTenantRequest.class),
          response("Tenant", Tenant.class),
          response("TenantUser", TenantUser.class),
          response("RegisterTenantResult", RegisterTenantResult.class),
          response("SlugAvailability", SlugAvailability.class),
          response("SsoConfig", SsoConfig.class),
          request("UpdateSsoConfigRequest", UpdateSsoConfigRequest.class),
          response("SsoTestResult", SsoTestResult.class),
          response("McpToken", McpToken.class),
          request("CreateMcpTokenRequest", CreateMcpTokenRequest.class),
          response("CreatedMcpToken", CreatedMcpToken.class),
          request("RevokeMcpTokenRequest", type("internal.namespaces.RevokeBody")),
          response("McpAuditLog", McpAuditLog.class),
          response(
              "McpAuditLogPagination", type("internal.namespaces.AuditLogPage$AuditPagination")),
          // answers written in place in the document
          response(
              "#/paths/~1mcp~1tokens/get/responses/200/content/application~1json/schema",
              type("internal.namespaces.McpTokenList")),
          response(
              "#/paths/~1mcp~1tokens~1{tokenId}~1audit-logs/get/responses/200/content/application~1json/schema",
              type("internal.namespaces.AuditLogPage")));

  /** Schemas no record is read into, each with the reason. */
  private static final Map<String, String> UNMAPPED =
      Map.of(
          "ErrorEnvelope", "read field by field by ErrorDecoder into PortalError",
          "GuideError", "read field by field by ErrorDecoder into PortalError",
          "FileUploadForm", "a multipart form that files.Multipart writes, not JSON",
          "McpTokenPermissions", "a map, Map<String, List<String>> where it is used",
          "LogoutResult", "only a message, which auth().logout(session) does not return",
          "SsoUpdateResult", "only a message, which tenant().updateSso(..) does not return",
          "RevokeMcpTokenResult", "only a message, which mcpToken().revoke(..) does not return");

  private static final String DOCUMENT = OpenApiContractTests.DOCUMENT;

  private static JsonNode document;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = OpenApiSchemaRecordTests.class.getResourceAsStream(DOCUMENT)) {
      document = new YAMLMapper().readTree(Objects.requireNonNull(in, DOCUMENT));
    }
  }

  @Test
  void everySchemaIsMappedToARecordOrListedWithTheReasonItIsNot() {
    Set<String> mapped = new TreeSet<>();
    for (Mapping mapping : MAPPINGS) {
      assertThat(schema(mapping.schema()).isMissingNode()).as(mapping.schema()).isFalse();
      if (!mapping.schema().startsWith("#")) {
        assertThat(mapped.add(mapping.schema())).as("mapped twice: " + mapping.schema()).isTrue();
      }
    }
    assertThat(mapped).doesNotContainAnyElementsOf(UNMAPPED.keySet());
    Set<String> all = new TreeSet<>(mapped);
    all.addAll(UNMAPPED.keySet());
    assertThat(all).isEqualTo(new TreeSet<>(document.at("/components/schemas").propertyNames()));
  }

  @Test
  void everyMappingIsDeclaredInTheDirectionTheDocumentUsesIt() {
    Set<String> requests = new HashSet<>();
    Set<String> responses = new HashSet<>();
    for (JsonNode path : document.path("paths")) {
      for (JsonNode operation : path) {
        for (JsonNode media : operation.at("/requestBody/content")) {
          collectSchemaNames(media.path("schema"), requests);
        }
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
          if (response.getKey().startsWith("2")) {
            for (JsonNode media : response.getValue().path("content")) {
              collectSchemaNames(media.path("schema"), responses);
            }
          }
        }
      }
    }
    for (Mapping mapping : MAPPINGS) {
      if (mapping.schema().startsWith("#") || mapping.direction() == Direction.BOTH) {
        continue;
      }
      Set<String> used = mapping.direction() == Direction.REQUEST ? requests : responses;
      Set<String> other = mapping.direction() == Direction.REQUEST ? responses : requests;
      assertThat(used)
          .as("%s used as %s", mapping.schema(), mapping.direction())
          .contains(mapping.schema());
      assertThat(other)
          .as("%s not used the other way", mapping.schema())
          .doesNotContain(mapping.schema());
    }
  }

  @Test
  void everyRecordHasTheJsonPropertiesOfItsSchema() {
    List<String> problems = new ArrayList<>();
    for (Mapping mapping : MAPPINGS) {
      if (mapping.direction() != Direction.BOTH || isRecordObject(mapping.type())) {
        problems.addAll(compareObject(mapping));
      }
    }
    assertThat(problems).as("records and schemas that disagree").isEmpty();
  }

  @Test
  void everyOpenValueTypeKnowsTheValuesItsSchemaLists() {
    List<String> problems = new ArrayList<>();
    for (Mapping mapping : MAPPINGS) {
      if (mapping.direction() == Direction.BOTH) {
        problems.addAll(compareValue(mapping));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyKindOfDriftIsReported() {
    Mapping user = mapping("User");
    Mapping update = mapping("UserUpdateRequest");
    Mapping move = mapping("OrganizationMoveRequest");
    Mapping status = mapping("EmailStatus");
    String users = "/components/schemas/User";

    assertThat(problemsIn(doc -> rename(doc, users + "/properties", "email", "e_mail"), user))
        .anySatisfy(p -> assertThat(p).contains("only in the document [e_mail]"));
    assertThat(problemsIn(doc -> put(doc, users + "/properties/email", "type", "integer"), user))
        .anySatisfy(p -> assertThat(p).contains("User.email: type 'integer'"));
    assertThat(problemsIn(doc -> remove(doc, users + "/required", "id"), user))
        .anySatisfy(p -> assertThat(p).contains("User.id: the portal may leave it out"));
    assertThat(problemsIn(doc -> put(doc, users + "/properties/id", "nullable", true), user))
        .anySatisfy(p -> assertThat(p).contains("User.id: the portal may send null"));
    assertThat(
            problemsIn(doc -> put(doc, users + "/properties/created_at", "format", "date"), user))
        .anySatisfy(p -> assertThat(p).contains("the record reads a timestamp"));
    assertThat(problemsIn(doc -> put(doc, users, "additionalProperties", false), user))
        .isEmpty(); // an answer may hold less than the record keeps
    assertThat(
            problemsIn(
                doc -> require(doc, "/components/schemas/UserUpdateRequest", "phone"), update))
        .anySatisfy(p -> assertThat(p).contains("phone: the document requires it"));
    assertThat(
            problemsIn(
                doc ->
                    put(
                        doc,
                        "/components/schemas/OrganizationMoveRequest/properties/parent_id",
                        "nullable",
                        false),
                move))
        .anySatisfy(p -> assertThat(p).contains("parent_id: the client sends null"));
    assertThat(
            problemsIn(
                doc ->
                    ((ArrayNode) doc.at("/components/schemas/EmailStatus/anyOf/0/enum"))
                        .add("bounced_twice"),
                status))
        .anySatisfy(p -> assertThat(p).contains("bounced_twice"));
  }

  private static List<String> compareValue(Mapping mapping) {
    List<String> problems = new ArrayList<>();
    JsonNode schema = schema(mapping.schema());
    Set<String> listed = new TreeSet<>();
    boolean open = false;
    for (JsonNode alternative : schema.path("anyOf")) {
      if (!alternative.path("type").asString().equals("string")) {
        problems.add(mapping.schema() + ": an alternative that is not a string");
      }
      if (alternative.has("enum")) {
        alternative.path("enum").forEach(value -> listed.add(value.asString()));
      } else {
        open = true;
      }
    }
    if (!open) {
      problems.add(mapping.schema() + ": not open to values this contract does not list");
    }
    Set<String> known = new TreeSet<>(constants(mapping.type()));
    if (!known.equals(listed)) {
      problems.add(mapping.schema() + ": lists " + listed + ", the type knows " + known);
    }
    return problems;
  }

  /** The problems found in a copy of the document changed by {@code change}. */
  private static List<String> problemsIn(
      java.util.function.Consumer<ObjectNode> change, Mapping mapping) {
    JsonNode original = document;
    ObjectNode changed = (ObjectNode) original.deepCopy();
    change.accept(changed);
    document = changed;
    try {
      return mapping.direction() == Direction.BOTH ? compareValue(mapping) : compareObject(mapping);
    } finally {
      document = original;
    }
  }

  private static Mapping mapping(String schema) {
    return MAPPINGS.stream().filter(m -> m.schema().equals(schema)).findFirst().orElseThrow();
  }

  private static void rename(ObjectNode doc, String at, String from, String to) {
    ObjectNode properties = (ObjectNode) doc.at(at);
    properties.set(to, properties.remove(from));
  }

  private static void put(ObjectNode doc, String at, String field, Object value) {
    ObjectNode node = (ObjectNode) doc.at(at);
    if (value instanceof Boolean flag) {
      node.put(field, flag);
    } else {
      node.put(field, value.toString());
    }
  }

  private static void require(ObjectNode doc, String at, String property) {
    ObjectNode schema = (ObjectNode) doc.at(at);
    (schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required"))
        .add(property);
  }

  private static void remove(ObjectNode doc, String at, String value) {
    ArrayNode values = (ArrayNode) doc.at(at);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).asString().equals(value)) {
        values.remove(i);
        return;
      }
    }
    throw new AssertionError(value + " not in " + at);
  }

  @Test
  void everyAnswerRecordDecodesTheSmallestBodyItsSchemaAllowsIntoNonNullComponents() {
    List<String> problems = new ArrayList<>();
    for (Mapping mapping : MAPPINGS) {
      if (mapping.direction() != Direction.RESPONSE) {
        continue;
      }
      JsonNode smallest = smallest(schema(mapping.schema()));
      Object decoded;
      try {
        decoded = PortalJson.MAPPER.treeToValue(smallest, mapping.type());
      } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
        problems.add(mapping.schema() + ": " + smallest + " does not decode: " + e);
        continue;
      }
      for (RecordComponent component : mapping.type().getRecordComponents()) {
        if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)
            || component.getType().isPrimitive()) {
          continue;
        }
        try {
          Method accessor = component.getAccessor();
          accessor.setAccessible(true);
          if (accessor.invoke(decoded) == null) {
            problems.add(
                mapping.schema()
                    + ": "
                    + component.getName()
                    + " is null, and not @Nullable, from "
                    + smallest);
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  // comparing one record with its schema

  private static List<String> compareObject(Mapping mapping) {
    String at = mapping.schema();
    JsonNode schema = resolve(schema(at));
    List<String> problems = new ArrayList<>();
    if (!schema.path("type").asString().equals("object")) {
      return List.of(at + ": not an object schema");
    }
    Map<String, Prop> props = jsonProperties(mapping.type());
    for (Prop prop : List.copyOf(props.values())) {
      if (prop.component() == null) {
        if (mapping.direction() == Direction.REQUEST) {
          problems.add(at + "." + prop.name() + ": Jackson writes it, but it is no component");
        }
        props.remove(prop.name()); // a derived accessor of an answer: nothing the client reads
      }
    }
    Set<String> documented = new TreeSet<>(schema.path("properties").propertyNames());
    if (!documented.equals(new TreeSet<>(props.keySet()))) {
      Set<String> onlyDocument = new TreeSet<>(documented);
      onlyDocument.removeAll(props.keySet());
      Set<String> onlyRecord = new TreeSet<>(props.keySet());
      onlyRecord.removeAll(documented);
      problems.add(
          at
              + ": properties only in the document "
              + onlyDocument
              + ", only in "
              + mapping.type().getSimpleName()
              + " "
              + onlyRecord);
    }
    boolean keepsUnknown = keepsUnknownFields(mapping.type());
    boolean allowsMore = schema.path("additionalProperties").asBoolean(false);
    if (mapping.direction() == Direction.REQUEST && keepsUnknown && !allowsMore) {
      problems.add(at + ": the client sends fields it does not model, the document allows none");
    }
    if (mapping.direction() == Direction.RESPONSE && allowsMore && !keepsUnknown) {
      problems.add(at + ": the portal may send more fields, the record drops them");
    }
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(name -> required.add(name.asString()));
    for (Prop prop : props.values()) {
      JsonNode property = schema.path("properties").path(prop.name());
      if (property.isMissingNode()) {
        continue;
      }
      // a schema without a type is any JSON value, null included
      boolean nullable = property.path("nullable").asBoolean(false) || isAnyValue(property);
      String name = at + "." + prop.name();
      if (mapping.direction() == Direction.REQUEST) {
        if (prop.nullable() && prop.sentAsNull() && !nullable) {
          problems.add(name + ": the client sends null, the document does not allow it");
        }
        if (required.contains(prop.name())
            && prop.nullable()
            && !prop.sentAsNull()
            && !refusedWithout(mapping.type(), schema, prop.name())) {
          problems.add(name + ": the document requires it, the client may leave it out");
        }
      } else if ((nullable || !required.contains(prop.name()))
          && !prop.nullable()
          && !prop.defaulted()) {
        problems.add(
            name
                + ": the portal may "
                + (nullable ? "send null" : "leave it out")
                + ", the record relies on it (not @Nullable)");
      }
      compareType(prop.type(), property, name, problems);
    }
    if (mapping.direction() == Direction.REQUEST && !decodes(full(schema, 0), mapping.type())) {
      problems.add(at + ": the record refuses " + full(schema, 0));
    }
    return problems;
  }

  /**
   * Whether a request record cannot be made without this property: a body with every property of
   * the schema decodes, the same body without it does not (the record checks what its type cannot
   * say).
   */
  private static boolean refusedWithout(Class<?> type, JsonNode schema, String property) {
    ObjectNode full = (ObjectNode) full(schema, 0);
    ObjectNode without = full.deepCopy();
    without.remove(property);
    return decodes(full, type) && !decodes(without, type);
  }

  private static boolean decodes(JsonNode json, Class<?> type) {
    try {
      PortalJson.MAPPER.treeToValue(json, type);
      return true;
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static boolean isAnyValue(JsonNode schema) {
    return !schema.has("type")
        && !schema.has("$ref")
        && !schema.has("anyOf")
        && !schema.has("oneOf")
        && !schema.has("allOf");
  }

  private static void compareType(Type type, JsonNode schema, String at, List<String> problems) {
    Class<?> raw = raw(type);
    String ref = schema.path("$ref").asString(null);
    if (ref != null) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      Mapping mapping =
          MAPPINGS.stream().filter(m -> m.schema().equals(name)).findFirst().orElse(null);
      if (mapping != null) {
        if (!mapping.type().equals(raw)) {
          problems.add(
              at
                  + ": "
                  + name
                  + " is read into "
                  + mapping.type().getName()
                  + ", the record has "
                  + raw.getName());
        }
        return;
      }
      compareType(type, resolve(schema), at, problems);
      return;
    }
    String kind = schema.path("type").asString("");
    String format = schema.path("format").asString("");
    String expected;
    if (raw == String.class) {
      expected = "string";
      if (format.equals("date-time") || format.equals("date") || format.equals("binary")) {
        problems.add(at + ": format " + format + " but the record reads a String");
      }
    } else if (raw == Instant.class || raw == OffsetDateTime.class) {
      expected = "string";
      if (!format.equals("date-time")) {
        problems.add(at + ": the record reads a timestamp, the document says format " + format);
      }
    } else if (raw == LocalDate.class) {
      expected = "string";
      if (!format.equals("date")) {
        problems.add(at + ": the record reads a date, the document says format " + format);
      }
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      expected = "integer";
    } else if (raw == Double.class
        || raw == double.class
        || raw == BigDecimal.class
        || raw == Float.class) {
      expected = "number";
    } else if (raw == Boolean.class || raw == boolean.class) {
      expected = "boolean";
    } else if (isValueType(raw) || raw.isEnum()) {
      expected = "string";
    } else if (Collection.class.isAssignableFrom(raw)) {
      expected = "array";
      if (kind.equals("array")) {
        compareType(typeArgument(type, 0), schema.path("items"), at + "[]", problems);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      expected = "object";
      JsonNode values = schema.path("additionalProperties");
      if (kind.equals("object") && schema.has("properties")) {
        problems.add(at + ": a map in the record, named properties in the document");
      }
      if (kind.equals("object") && values.isObject()) {
        compareType(typeArgument(type, 1), values, at + "{}", problems);
      } else if (kind.equals("object") && !values.asBoolean(false)) {
        problems.add(at + ": a map in the record, no additionalProperties in the document");
      }
    } else if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      expected = "";
    } else if (raw.isRecord()) {
      problems.add(at + ": record " + raw.getName() + " is written in place; map a schema to it");
      return;
    } else {
      problems.add(at + ": no JSON type known for " + raw.getName());
      return;
    }
    if (!kind.equals(expected)) {
      problems.add(
          at
              + ": type '"
              + kind
              + "' in the document, '"
              + expected
              + "' for the record's "
              + type.getTypeName());
    }
  }

  /**
   * One JSON property of a record, as Jackson writes it, with what its component declares; no
   * component for a property that an accessor which is no component adds.
   */
  record Prop(
      String name,
      @Nullable RecordComponent component,
      Type type,
      boolean nullable,
      boolean defaulted,
      boolean sentAsNull) {}

  private static Map<String, Prop> jsonProperties(Class<?> type) {
    Map<String, String> componentByJsonName = new LinkedHashMap<>();
    PortalJson.MAPPER.acceptJsonFormatVisitor(
        type,
        new JsonFormatVisitorWrapper.Base() {
          @Override
          public JsonObjectFormatVisitor expectObjectFormat(JavaType javaType) {
            return new JsonObjectFormatVisitor.Base(getContext()) {
              @Override
              public void property(BeanProperty property) {
                componentByJsonName.put(property.getName(), property.getMember().getName());
              }

              @Override
              public void optionalProperty(BeanProperty property) {
                property(property);
              }
            };
          }
        });
    Map<String, Prop> props = new LinkedHashMap<>();
    componentByJsonName.forEach(
        (jsonName, memberName) -> {
          RecordComponent component = component(type, memberName);
          if (component == null) {
            props.put(jsonName, new Prop(jsonName, null, Object.class, true, true, false));
            return;
          }
          Type generic = component.getGenericType();
          boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
          Class<?> raw = raw(generic);
          boolean defaulted =
              raw.isPrimitive()
                  || Collection.class.isAssignableFrom(raw)
                  || Map.class.isAssignableFrom(raw);
          props.put(
              jsonName,
              new Prop(
                  jsonName, component, generic, nullable, defaulted, sentAsNull(type, component)));
        });
    return props;
  }

  private static @Nullable RecordComponent component(Class<?> type, String memberName) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(memberName)
          || memberName.equalsIgnoreCase("get" + component.getName())
          || memberName.equalsIgnoreCase("is" + component.getName())) {
        return component;
      }
    }
    return null;
  }

  private static boolean sentAsNull(Class<?> type, RecordComponent component) {
    List<JsonInclude> includes = new ArrayList<>();
    includes.add(component.getAccessor().getAnnotation(JsonInclude.class));
    try {
      Field field = type.getDeclaredField(component.getName());
      includes.add(field.getAnnotation(JsonInclude.class));
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
    return includes.stream()
        .filter(Objects::nonNull)
        .anyMatch(include -> include.value() == JsonInclude.Include.ALWAYS);
  }

  private static boolean keepsUnknownFields(Class<?> type) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.isAnnotationPresent(JsonAnyGetter.class)) {
        return true;
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (field.isAnnotationPresent(JsonAnyGetter.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRecordObject(Class<?> type) {
    return type.isRecord() && !isValueType(type);
  }

  /** A type written as one JSON string: a record or class with a {@code @JsonValue}. */
  private static boolean isValueType(Class<?> type) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getAccessor().isAnnotationPresent(JsonValue.class)) {
          return true;
        }
        try {
          if (type.getDeclaredField(component.getName()).isAnnotationPresent(JsonValue.class)) {
            return true;
          }
        } catch (NoSuchFieldException e) {
          throw new AssertionError(e);
        }
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (method.isAnnotationPresent(JsonValue.class)) {
        return true;
      }
    }
    return false;
  }

  /** The wire values of a value type's constants. */
  private static Set<String> constants(Class<?> type) {
    Set<String> values = new LinkedHashSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && Modifier.isPublic(modifiers)
          && field.getType().equals(type)) {
        try {
          values.add(PortalJson.MAPPER.valueToTree(field.get(null)).asString());
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return values;
  }

  // reading the document

  private static JsonNode schema(String nameOrPointer) {
    return nameOrPointer.startsWith("#")
        ? document.at(nameOrPointer.substring(1))
        : document.path("components").path("schemas").path(nameOrPointer);
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    while (current.has("$ref")) {
      current = document.at(current.path("$ref").asString().substring(1));
    }
    return current;
  }

  private static void collectSchemaNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        String ref = node.path("$ref").asString();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        if (names.add(name)) {
          collectSchemaNames(resolve(node), names);
        }
        return;
      }
      node.forEach(child -> collectSchemaNames(child, names));
    } else if (node.isArray()) {
      node.forEach(child -> collectSchemaNames(child, names));
    }
  }

  /** The smallest JSON the schema allows: its required properties, each with a small value. */
  private static JsonNode smallest(JsonNode schema) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    JsonNode resolved = resolve(schema);
    if (resolved.has("anyOf")) {
      return smallest(resolved.path("anyOf").get(0));
    }
    if (resolved.has("enum")) {
      return resolved.path("enum").get(0);
    }
    switch (resolved.path("type").asString("")) {
      case "object":
        ObjectNode object = json.objectNode();
        for (JsonNode required : resolved.path("required")) {
          String name = required.asString();
          object.set(name, smallest(resolved.path("properties").path(name)));
        }
        return object;
      case "array":
        ArrayNode array = json.arrayNode();
        return array;
      case "integer":
        return json.numberNode(1);
      case "number":
        return json.numberNode(1.5);
      case "boolean":
        return json.booleanNode(true);
      case "string":
        return switch (resolved.path("format").asString("")) {
          case "date-time" -> json.stringNode("2026-01-01T00:00:00Z");
          case "date" -> json.stringNode("2026-01-01");
          default -> json.stringNode("x");
        };
      default:
        return json.stringNode("x");
    }
  }

  /** A body with every property of the schema, each with a plausible value. */
  private static JsonNode full(JsonNode schema, int depth) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    JsonNode resolved = resolve(schema);
    if (resolved.has("anyOf")) {
      return full(resolved.path("anyOf").get(0), depth + 1);
    }
    if (resolved.has("enum")) {
      return resolved.path("enum").get(0);
    }
    switch (resolved.path("type").asString("")) {
      case "object":
        ObjectNode object = json.objectNode();
        if (depth < 4) {
          for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            object.set(property.getKey(), full(property.getValue(), depth + 1));
          }
        }
        return object;
      case "array":
        ArrayNode array = json.arrayNode();
        array.add(full(resolved.path("items"), depth + 1));
        return array;
      case "integer":
        return json.numberNode(Math.max(1, resolved.path("minimum").asInt(1)));
      case "number":
        return json.numberNode(1.5);
      case "boolean":
        return json.booleanNode(true);
      case "string":
        return switch (resolved.path("format").asString("")) {
          case "date-time" -> json.stringNode("2026-01-01T00:00:00Z");
          case "date" -> json.stringNode("2026-01-01");
          case "email" -> json.stringNode("someone@example.com");
          case "uri" -> json.stringNode("https://example.com/hook");
          default -> json.stringNode("x");
        };
      default:
        return json.stringNode("x");
    }
  }

  // Java types

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }

  private static Mapping request(String schema, Class<?> type) {
    return new Mapping(schema, type, Direction.REQUEST);
  }

  private static Mapping response(String schema, Class<?> type) {
    return new Mapping(schema, type, Direction.RESPONSE);
  }

  /** An open value type (a string with known values), used both ways. */
  private static Mapping value(String schema, Class<?> type) {
    return new Mapping(schema, type, Direction.BOTH);
  }

  /** A type this test cannot name in code: package-private in its namespace. */
  private static Class<?> type(String name) {
    try {
      return Class.forName("com.winwinmbs.portal.api." + name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class com.winwinmbs.portal.api." + name, e);
    }
  }
}
