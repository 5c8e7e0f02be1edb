package com.winwinmbs.portal.api.todo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.Sort;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@WireMockTest
class TodoApiTests {

  private static final String TODO_ID = "tdo_01HZZ5000000000000000000001";
  private static final String ASSIGNEE = "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8";

  private PortalApiClient portal;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    portal = TestClients.client(wm);
  }

  @Test
  void searchPostsTheCriteriaAndReturnsThePage() {
    stubFor(post("/todos/search").willReturn(okJson(Fixtures.read("todo/search.json"))));

    Page<Todo> page =
        portal
            .todo()
            .search(
                SearchRequest.builder()
                    .page(1)
                    .limit(20)
                    .filter("assignee_user_id", ASSIGNEE)
                    .filter("status", List.of("pending", "in_progress"))
                    .sort(Sort.asc("due_date"))
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/todos/search")),
            """
        {"page": 1, "limit": 20,
         "filter": {"assignee_user_id": "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8", "status": ["pending", "in_progress"]},
         "sort": [{"field": "due_date", "order": "ASC"}]}
        """));
    assertThat(page.items())
        .extracting(Todo::priority)
        .containsExactly(TodoPriority.HIGH, TodoPriority.URGENT);
    assertThat(page.items())
        .extracting(Todo::status)
        .containsExactly(TodoStatus.IN_PROGRESS, TodoStatus.PENDING);
    assertThat(page.items().get(1).tags()).isEmpty();
  }

  @Test
  void searchAllFetchesTheSecondPageOnlyWhenIterationReachesIt() {
    stubTwoPages("/todos/search", "tdo_");

    try (Stream<Todo> todos = portal.todo().searchAll(SearchRequest.builder().limit(2).build())) {
      assertThat(todos.findFirst()).map(Todo::id).contains("tdo_1a");
    }
    verify(exactly(1), postRequestedFor(urlEqualTo("/todos/search")));

    assertThat(portal.todo().searchAll(SearchRequest.builder().limit(2).build()).map(Todo::id))
        .containsExactly("tdo_1a", "tdo_1b", "tdo_2a", "tdo_2b");
    verify(exactly(3), postRequestedFor(urlEqualTo("/todos/search")));
  }

  @Test
  void findByIdGetsTheTodoAndDecodesEveryField() {
    stubFor(get("/todos/" + TODO_ID).willReturn(okJson(Fixtures.read("todo/todo.json"))));

    Todo todo = portal.todo().findById(TODO_ID);

    verify(
        authorized(getRequestedFor(urlEqualTo("/todos/" + TODO_ID)))
            .withHeader("Content-Type", absent()));
    assertThat(todo.id()).isEqualTo(TODO_ID);
    assertThat(todo.title()).isEqualTo("Review Q3 budget");
    assertThat(todo.description()).startsWith("Compare actuals");
    assertThat(todo.status()).isEqualTo(TodoStatus.IN_PROGRESS);
    assertThat(todo.priority()).isEqualTo(TodoPriority.HIGH);
    assertThat(todo.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(todo.assigneeUserId()).isEqualTo(ASSIGNEE);
    assertThat(todo.createdBy()).isEqualTo("usr_01HZX3M1A2B3C4D5E6F7G8H9J0");
    assertThat(todo.referenceType()).isEqualTo("workflow_task");
    assertThat(todo.referenceId()).isEqualTo("wft_01HZZ2000000000000000000001");
    assertThat(todo.tags()).containsExactly("finance", "q3");
    assertThat(todo.completedAt()).isNull();
    assertThat(todo.createdAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
    assertThat(todo.updatedAt()).isEqualTo(Instant.parse("2026-11-21T04:30:00Z"));
  }

  @Test
  void findByIdWhenNotFoundThrowsNotFoundException() {
    stubFor(
        get("/todos/tdo_missing")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("todo/not-found.json"))));

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.todo().findById("tdo_missing"))
        .satisfies(e -> assertThat(e.code()).isEqualTo("TODO_NOT_FOUND"));
  }

  @Test
  void unknownFieldsAndUnknownPriorityAndStatusSurviveDecodingAndEncoding() {
    stubFor(
        get("/todos/tdo_01HZZ5000000000000000000003")
            .willReturn(okJson(Fixtures.read("todo/todo-unknown.json"))));

    Todo todo = portal.todo().findById("tdo_01HZZ5000000000000000000003");

    assertThat(todo.priority()).isEqualTo(TodoPriority.of("critical"));
    assertThat(todo.priority().isKnown()).isFalse();
    assertThat(todo.status().value()).isEqualTo("blocked");
    assertThat(todo.additionalProperties()).containsKeys("watchers", "reminder");
    JsonNode encoded = PortalJson.MAPPER.valueToTree(todo);
    assertThat(encoded.get("priority").asString()).isEqualTo("critical");
    assertThat(encoded.get("status").asString()).isEqualTo("blocked");
    assertThat(encoded.get("reminder").get("channel").asString()).isEqualTo("line");
    assertThat(encoded.get("watchers").get(0).asString())
        .isEqualTo("usr_01HZX3M1A2B3C4D5E6F7G8H9J0");
    assertThat(PortalJson.MAPPER.treeToValue(encoded, Todo.class)).isEqualTo(todo);
  }

  @Test
  void createPostsTheNewTodo() {
    stubFor(post("/todos").willReturn(okJson(Fixtures.read("todo/todo.json")).withStatus(201)));

    Todo todo =
        portal
            .todo()
            .create(
                TodoCreateRequest.builder()
                    .title("Review Q3 budget")
                    .description(
                        "Compare actuals against the Q3 forecast and flag variances over 5%")
                    .priority(TodoPriority.HIGH)
                    .dueDate(LocalDate.of(2026, 12, 1))
                    .assigneeUserId(ASSIGNEE)
                    .referenceType("workflow_task")
                    .referenceId("wft_01HZZ2000000000000000000001")
                    .tags(List.of("finance", "q3"))
                    .build());

    verify(
        withJson(
            postRequestedFor(urlEqualTo("/todos")),
            """
        {"title": "Review Q3 budget",
         "description": "Compare actuals against the Q3 forecast and flag variances over 5%",
         "priority": "high", "due_date": "2026-12-01", "assignee_user_id": "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8",
         "reference_type": "workflow_task", "reference_id": "wft_01HZZ2000000000000000000001",
         "tags": ["finance", "q3"]}
        """));
    assertThat(todo.id()).isEqualTo(TODO_ID);
  }

  @Test
  void updatePutsOnlyTheFieldsSet() {
    stubFor(put("/todos/" + TODO_ID).willReturn(okJson(Fixtures.read("todo/todo.json"))));

    Todo todo =
        portal
            .todo()
            .update(
                TODO_ID,
                TodoUpdateRequest.builder()
                    .status(TodoStatus.IN_PROGRESS)
                    .priority(TodoPriority.URGENT)
                    .dueDate(LocalDate.of(2026, 11, 28))
                    .build());

    verify(
        withJson(
            putRequestedFor(urlEqualTo("/todos/" + TODO_ID)),
            """
        {"status": "in_progress", "priority": "urgent", "due_date": "2026-11-28"}
        """));
    assertThat(todo.status()).isEqualTo(TodoStatus.IN_PROGRESS);
  }

  @Test
  void completePostsWithoutABodyAndReturnsTheCompletedTodo() {
    stubFor(
        post("/todos/" + TODO_ID + "/complete")
            .willReturn(okJson(Fixtures.read("todo/completed.json"))));

    Todo todo = portal.todo().complete(TODO_ID);

    verify(
        authorized(postRequestedFor(urlEqualTo("/todos/" + TODO_ID + "/complete")))
            .withHeader("Content-Type", absent())
            .withRequestBody(absent()));
    assertThat(todo.status()).isEqualTo(TodoStatus.COMPLETED);
    assertThat(todo.completedAt()).isEqualTo(Instant.parse("2026-11-22T08:45:00Z"));
  }

  @Test
  void deleteSendsDelete() {
    stubFor(delete("/todos/" + TODO_ID).willReturn(okJson(Fixtures.read("todo/deleted.json"))));

    portal.todo().delete(TODO_ID);

    verify(
        authorized(deleteRequestedFor(urlEqualTo("/todos/" + TODO_ID)))
            .withHeader("Content-Type", absent()));
  }

  private static void stubTwoPages(String path, String idPrefix) {
    for (int n = 1; n <= 2; n++) {
      stubFor(
          post(path)
              .withRequestBody(matchingJsonPath("$.page", equalTo(String.valueOf(n))))
              .willReturn(
                  okJson(
                      "{\"success\": true, \"data\": [{\"id\": \""
                          + idPrefix
                          + n
                          + "a\"}, {\"id\": \""
                          + idPrefix
                          + n
                          + "b\"}], \"pagination\": {\"page\": "
                          + n
                          + ", \"limit\": 2, \"total\": 4, \"total_pages\": 2}}")));
    }
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
