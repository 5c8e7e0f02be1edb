package com.winwinmbs.portal.api.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.ServerException;
import com.winwinmbs.portal.api.Sort;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@WireMockTest
class WorkflowApiTests {

  private static final String WORKFLOW_ID = "wfl_01HZY0LEAVE0000000000000001";
  private static final String TASK_ID = "wft_01HZZ2000000000000000000001";
  private static final String ME = "usr_01HZX3M1A2B3C4D5E6F7G8H9J0";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void searchPostsTheCriteriaAndReturnsThePage() {
    stubFor(post("/workflows/search").willReturn(okJson(Fixtures.read("workflow/search.json"))));

    Page<Workflow> page =
        portal
            .workflow()
            .search(
                SearchRequest.builder()
                    .page(1)
                    .limit(20)
                    .search("request")
                    .filter("category", List.of("hr", "finance"))
                    .sort(Sort.asc("name"))
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/workflows/search")),
            """
        {"page": 1, "limit": 20, "search": "request", "filter": {"category": ["hr", "finance"]},
         "sort": [{"field": "name", "order": "ASC"}]}
        """));
    assertThat(page.items())
        .extracting(Workflow::code)
        .containsExactly("LEAVE_REQUEST", "PURCHASE_ORDER");
    assertThat(page.items())
        .extracting(Workflow::status)
        .containsExactly(WorkflowStatus.ACTIVE, WorkflowStatus.DRAFT);
    assertThat(page.pagination().total()).isEqualTo(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void searchAllFetchesTheNextPageOnlyWhenIterationReachesIt() {
    for (int n = 1; n <= 3; n++) {
      stubFor(
          post("/workflows/search")
              .withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(n))))
              .willReturn(
                  okJson(
                      "{\"success\": true, \"data\": [{\"id\": \"wfl_"
                          + n
                          + "\", \"status\": \"active\"}],"
                          + " \"pagination\": {\"page\": "
                          + n
                          + ", \"limit\": 1, \"total\": 3, \"total_pages\": 3}}")));
    }

    try (Stream<Workflow> workflows =
        portal.workflow().searchAll(SearchRequest.builder().limit(1).build())) {
      assertThat(workflows.limit(2).map(Workflow::id)).containsExactly("wfl_1", "wfl_2");
    }
    verify(exactly(2), postRequestedFor(urlEqualTo("/workflows/search")));

    assertThat(
            portal.workflow().searchAll(SearchRequest.builder().limit(1).build()).map(Workflow::id))
        .containsExactly("wfl_1", "wfl_2", "wfl_3");
    verify(exactly(5), postRequestedFor(urlEqualTo("/workflows/search")));
  }

  @Test
  void findByIdGetsTheWorkflowWithItsSteps() {
    stubFor(
        get("/workflows/" + WORKFLOW_ID)
            .willReturn(okJson(Fixtures.read("workflow/workflow.json"))));

    Workflow workflow = portal.workflow().findById(WORKFLOW_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/workflows/" + WORKFLOW_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(workflow.name()).isEqualTo("Leave request");
    assertThat(workflow.description()).isEqualTo("Annual, sick and personal leave approval");
    assertThat(workflow.category()).isEqualTo("hr");
    assertThat(workflow.status()).isEqualTo(WorkflowStatus.ACTIVE);
    assertThat(workflow.version()).isEqualTo(3);
    assertThat(workflow.createdBy()).isEqualTo("usr_01HZX3M1A2B3C4D5E6F7G8H9J0");
    assertThat(workflow.steps()).hasSize(2);
    WorkflowStep hr = workflow.steps().get(1);
    assertThat(hr.name()).isEqualTo("HR review");
    assertThat(hr.stepOrder()).isEqualTo(2);
    assertThat(hr.approverType()).isEqualTo("role");
    assertThat(hr.approverId()).isEqualTo("rol_01HZX1HRMANAGER000000000001");
    assertThat(workflow.steps().get(0).timeoutHours()).isEqualTo(48);
    assertThat(workflow.updatedAt()).isEqualTo(Instant.parse("2026-09-01T04:20:00Z"));
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/workflows/wfl_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("workflow/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.workflow().findById("wfl_missing"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("WORKFLOW_NOT_FOUND"));
  }

  @Test
  void instancesSendsTheFiltersAsQueryParametersAndReturnsThePage() {
    stubFor(
        get(urlPathEqualTo("/workflows/instances"))
            .willReturn(okJson(Fixtures.read("workflow/instances.json"))));

    Page<WorkflowInstance> page =
        portal
            .workflow()
            .instances(
                WorkflowInstanceQuery.builder()
                    .workflowId(WORKFLOW_ID)
                    .status(WorkflowInstanceStatus.IN_PROGRESS)
                    .initiatorUserId("usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8")
                    .referenceType("leave_request")
                    .referenceId("lvr_01HZZ0000000000000000000042")
                    .page(2)
                    .limit(10)
                    .build());

    verify(
        authorized(
                getRequestedFor(
                    urlEqualTo(
                        "/workflows/instances?workflow_id="
                            + WORKFLOW_ID
                            + "&status=in_progress&initiator_user_id=usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8&reference_type=leave_request"
                            + "&reference_id=lvr_01HZZ0000000000000000000042&page=2&limit=10")))
            .withHeader("Content-Type", absent()));
    WorkflowInstance instance = page.items().get(0);
    assertThat(instance.status()).isEqualTo(WorkflowInstanceStatus.IN_PROGRESS);
    assertThat(instance.workflowName()).isEqualTo("Leave request");
    assertThat(instance.currentStep()).isEqualTo(2);
    assertThat(instance.data()).containsEntry("leave_type", "annual").containsEntry("days", 3);
    assertThat(instance.startedAt()).isEqualTo(Instant.parse("2026-11-20T02:10:00Z"));
    assertThat(instance.completedAt()).isNull();
    assertThat(page.pagination().page()).isEqualTo(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void instancesWithoutFiltersSendsNoQuery() {
    stubFor(
        get(urlPathEqualTo("/workflows/instances"))
            .willReturn(okJson(Fixtures.read("workflow/instances.json"))));

    portal.workflow().instances(WorkflowInstanceQuery.all());

    verify(getRequestedFor(urlEqualTo("/workflows/instances")));
  }

  @Test
  void tasksFilteredByAssigneeSendsAssigneeUserIdAndReturnsThePage() {
    stubFor(
        get(urlPathEqualTo("/workflows/tasks"))
            .willReturn(okJson(Fixtures.read("workflow/tasks.json"))));

    Page<WorkflowTask> tasks =
        portal.workflow().tasks(WorkflowTaskQuery.builder().assigneeUserId(ME).build());
    List<WorkflowTask> myPending =
        tasks.items().stream()
            .filter(task -> WorkflowTaskStatus.PENDING.equals(task.status()))
            .toList();

    verify(
        authorized(getRequestedFor(urlEqualTo("/workflows/tasks?assignee_user_id=" + ME)))
            .withHeader("Content-Type", absent()));
    assertThat(myPending).extracting(WorkflowTask::id).containsExactly(TASK_ID);
    WorkflowTask pending = myPending.get(0);
    assertThat(pending.instanceId()).isEqualTo("wfi_01HZZ1000000000000000000001");
    assertThat(pending.workflowId()).isEqualTo(WORKFLOW_ID);
    assertThat(pending.workflowName()).isEqualTo("Leave request");
    assertThat(pending.stepName()).isEqualTo("HR review");
    assertThat(pending.stepOrder()).isEqualTo(2);
    assertThat(pending.assigneeUserId()).isEqualTo(ME);
    assertThat(pending.dueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(pending.decidedAt()).isNull();
    WorkflowTask decided = tasks.items().get(1);
    assertThat(decided.comment()).isEqualTo("Within budget");
    assertThat(decided.metadata()).containsEntry("approved_amount", 12500);
    assertThat(tasks.pagination().total()).isEqualTo(2);
  }

  @Test
  void tasksSendsEveryFilterAndExtraParametersAndTheViewsOptions() {
    stubFor(
        get(urlPathEqualTo("/workflows/tasks"))
            .willReturn(okJson(Fixtures.read("workflow/tasks.json"))));

    portal
        .workflow()
        .withOptions(RequestOptions.builder().tenantId("tnt_acme").build())
        .tasks(
            WorkflowTaskQuery.builder()
                .assigneeUserId(ME)
                .status(WorkflowTaskStatus.PENDING)
                .workflowId(WORKFLOW_ID)
                .instanceId("wfi_01HZZ1000000000000000000001")
                .page(1)
                .limit(50)
                .parameter("due_before", "2026-12-01")
                .build());

    verify(
        authorized(
                getRequestedFor(
                    urlEqualTo(
                        "/workflows/tasks?assignee_user_id="
                            + ME
                            + "&status=pending"
                            + "&workflow_id="
                            + WORKFLOW_ID
                            + "&instance_id=wfi_01HZZ1000000000000000000001&page=1&limit=50"
                            + "&due_before=2026-12-01")))
            .withHeader("X-Tenant-Id", equalTo("tnt_acme")));
  }

  @Test
  void approvePostsCommentAndMetadataAndReturnsTheDecidedTask() {
    stubFor(
        post("/workflows/tasks/" + TASK_ID + "/approve")
            .willReturn(okJson(Fixtures.read("workflow/task-approved.json"))));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("approved_days", 3);
    metadata.put("payroll_code", "AL");

    WorkflowTask task = portal.workflow().approve(TASK_ID, new TaskDecision("LGTM", metadata));

    verify(
        withJson(
                postRequestedFor(urlEqualTo("/workflows/tasks/" + TASK_ID + "/approve")),
                """
        {"comment": "LGTM", "metadata": {"approved_days": 3, "payroll_code": "AL"}}
        """)
            .withHeader("Idempotency-Key", absent()));
    assertThat(task.status()).isEqualTo(WorkflowTaskStatus.APPROVED);
    assertThat(task.comment()).isEqualTo("LGTM");
    assertThat(task.metadata()).containsEntry("payroll_code", "AL");
    assertThat(task.decidedAt()).isEqualTo(Instant.parse("2026-11-22T08:41:00Z"));
  }

  @Test
  void approveWithAnIdempotencyKeySendsItAndTheDecision() {
    stubFor(
        post("/workflows/tasks/" + TASK_ID + "/approve")
            .willReturn(okJson(Fixtures.read("workflow/task-approved.json"))));

    portal
        .workflow()
        .withOptions(RequestOptions.builder().idempotencyKey("approve-" + TASK_ID).build())
        .approve(TASK_ID, new TaskDecision("LGTM", null));

    verify(
        withJson(
                postRequestedFor(urlEqualTo("/workflows/tasks/" + TASK_ID + "/approve")),
                "{\"comment\": \"LGTM\"}")
            .withHeader("Idempotency-Key", equalTo("approve-" + TASK_ID)));
  }

  @Test
  void approveIsNotRetriedAfterAServerErrorWithoutAnIdempotencyKey() {
    stubFor(
        post("/workflows/tasks/" + TASK_ID + "/approve").willReturn(aResponse().withStatus(503)));

    assertThatExceptionOfType(ServerException.class)
        .isThrownBy(() -> portal.workflow().approve(TASK_ID, new TaskDecision("LGTM", Map.of())));
    verify(exactly(1), postRequestedFor(urlEqualTo("/workflows/tasks/" + TASK_ID + "/approve")));
  }

  @Test
  void rejectPostsCommentAndMetadataAndReturnsTheDecidedTask() {
    stubFor(
        post("/workflows/tasks/" + TASK_ID + "/reject")
            .willReturn(okJson(Fixtures.read("workflow/task-rejected.json"))));

    WorkflowTask task =
        portal
            .workflow()
            .reject(
                TASK_ID,
                new TaskDecision(
                    "Overlaps the year-end close", Map.of("suggested_from", "2027-01-05")));

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/workflows/tasks/" + TASK_ID + "/reject")),
            """
        {"comment": "Overlaps the year-end close", "metadata": {"suggested_from": "2027-01-05"}}
        """));
    assertThat(task.status()).isEqualTo(WorkflowTaskStatus.REJECTED);
    assertThat(task.comment()).isEqualTo("Overlaps the year-end close");
  }

  @Test
  void rejectWithoutACommentSendsOnlyTheMetadata() {
    stubFor(
        post("/workflows/tasks/" + TASK_ID + "/reject")
            .willReturn(okJson(Fixtures.read("workflow/task-rejected.json"))));

    portal.workflow().reject(TASK_ID, new TaskDecision(null, Map.of("reason_code", "CAPACITY")));

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/workflows/tasks/" + TASK_ID + "/reject")),
            "{\"metadata\": {\"reason_code\": \"CAPACITY\"}}"));
  }

  @Test
  void unknownFieldsAndAnUnknownTaskStatusSurviveDecodingAndEncoding() {
    stubFor(
        get(urlPathEqualTo("/workflows/tasks"))
            .willReturn(okJson(Fixtures.read("workflow/tasks-unknown.json"))));

    WorkflowTask task = portal.workflow().tasks(WorkflowTaskQuery.all()).items().get(0);

    assertThat(task.status()).isEqualTo(WorkflowTaskStatus.of("delegated"));
    assertThat(task.status().isKnown()).isFalse();
    assertThat(task.additionalProperties())
        .containsEntry("delegated_to_user_id", "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8")
        .containsKey("sla");
    JsonNode encoded = PortalJson.MAPPER.valueToTree(task);
    assertThat(encoded.get("status").asString()).isEqualTo("delegated");
    assertThat(encoded.get("delegated_to_user_id").asString())
        .isEqualTo("usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8");
    assertThat(encoded.get("sla").get("remaining_minutes").asInt()).isEqualTo(540);
    assertThat(PortalJson.MAPPER.treeToValue(encoded, WorkflowTask.class)).isEqualTo(task);
  }

  @Test
  void workflowAndInstanceStatusesKeepUnknownValuesAndShareKnownConstants() {
    String json =
        """
        {"id": "wfl_x", "status": "retired", "future_field": 1}
        """;
    Workflow workflow = PortalJson.MAPPER.readValue(json, Workflow.class);
    assertThat(workflow.status().isKnown()).isFalse();
    assertThat(PortalJson.MAPPER.writeValueAsString(workflow))
        .contains("\"status\":\"retired\"", "\"future_field\":1");

    WorkflowInstance instance =
        PortalJson.MAPPER.readValue(
            "{\"id\": \"wfi_x\", \"status\": \"escalated\"}", WorkflowInstance.class);
    assertThat(instance.status().value()).isEqualTo("escalated");
    assertThat(PortalJson.MAPPER.writeValueAsString(instance)).contains("\"status\":\"escalated\"");

    assertThat(WorkflowInstanceStatus.of("in_progress"))
        .isSameAs(WorkflowInstanceStatus.IN_PROGRESS);
    assertThat(WorkflowStatus.of("active")).isSameAs(WorkflowStatus.ACTIVE);
    assertThat(WorkflowTaskStatus.known())
        .extracting(WorkflowTaskStatus::value)
        .containsExactly("pending", "approved", "rejected", "cancelled", "skipped");
  }

  @Test
  void tasksAllFetchesPagesLazilyUntilTheLastAndKeepsTheFilters() {
    for (int page = 1; page <= 2; page++) {
      stubFor(
          get(urlEqualTo("/workflows/tasks?assignee_user_id=" + ME + "&page=" + page))
              .willReturn(okJson(onePage("wft_" + page, page, 2))));
    }

    List<String> ids =
        portal
            .workflow()
            .tasksAll(WorkflowTaskQuery.builder().assigneeUserId(ME).build())
            .map(WorkflowTask::id)
            .toList();

    assertThat(ids).containsExactly("wft_1", "wft_2");
    verify(exactly(2), getRequestedFor(urlPathEqualTo("/workflows/tasks")));
  }

  @Test
  void instancesAllFetchesOnlyThePagesTheStreamReaches() {
    for (int page = 2; page <= 3; page++) {
      stubFor(
          get(urlEqualTo("/workflows/instances?workflow_id=" + WORKFLOW_ID + "&page=" + page))
              .willReturn(okJson(onePage("wfi_" + page, page, 3))));
    }

    List<String> first =
        portal
            .workflow()
            .instancesAll(WorkflowInstanceQuery.builder().workflowId(WORKFLOW_ID).page(2).build())
            .limit(1)
            .map(WorkflowInstance::id)
            .toList();

    assertThat(first).containsExactly("wfi_2");
    verify(exactly(1), getRequestedFor(urlPathEqualTo("/workflows/instances")));
  }

  private static String onePage(String id, int page, int totalPages) {
    return """
        {"success": true, "data": [{"id": "%s"}],
         "pagination": {"page": %d, "limit": 1, "total": %d, "total_pages": %d}}
        """
        .formatted(id, page, totalPages, totalPages);
  }

  private static RequestPatternBuilder authorized(RequestPatternBuilder request) {
    return request
        .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
        .withHeader("Accept", equalTo("application/json"));
  }

  private static RequestPatternBuilder withJson(RequestPatternBuilder request, String json) {
    return authorized(request)
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(json));
  }
}
