package com.winwinmbs.portal.sample;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserApi;
import com.winwinmbs.portal.api.workflow.WorkflowApi;
import com.winwinmbs.portal.api.workflow.WorkflowTask;
import com.winwinmbs.portal.api.workflow.WorkflowTaskQuery;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that call the portal as the caller: in {@code hybrid} mode the client forwards the
 * request's {@code Authorization: Bearer} token, read at call time, so one singleton client serves
 * every user.
 */
@RestController
class PortalProxyController {

  private final UserApi users;
  private final WorkflowApi workflows;

  PortalProxyController(UserApi users, WorkflowApi workflows) {
    this.users = users;
    this.workflows = workflows;
  }

  /** The portal's users, fetched with the caller's token. */
  @GetMapping("/api/users")
  ResponseEntity<?> users(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth) {
    if (auth == null || !auth.startsWith("Bearer ")) {
      return missingToken();
    }
    List<User> page = users.search(SearchRequest.all()).items();
    return ResponseEntity.ok(
        page.stream()
            .map(u -> new UserSummary(u.id(), u.displayName(), u.email(), u.organizationId()))
            .toList());
  }

  /** Workflow tasks, optionally of one assignee, fetched with the caller's token. */
  @GetMapping("/api/tasks")
  ResponseEntity<?> tasks(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String auth,
      @RequestParam(required = false) @Nullable String assignee) {
    if (auth == null || !auth.startsWith("Bearer ")) {
      return missingToken();
    }
    WorkflowTaskQuery query =
        assignee == null
            ? WorkflowTaskQuery.all()
            : WorkflowTaskQuery.builder().assigneeUserId(assignee).build();
    List<WorkflowTask> tasks = workflows.tasks(query).items();
    return ResponseEntity.ok(tasks);
  }

  /** The portal's refusal passed on with its status, e.g. 401 for a token it does not know. */
  @ExceptionHandler(PortalApiException.class)
  ResponseEntity<Map<String, Object>> portalFailure(PortalApiException e) {
    int status = e.status() > 0 ? e.status() : HttpStatus.BAD_GATEWAY.value();
    return ResponseEntity.status(status)
        .body(
            Map.of("error", String.valueOf(e.code()), "message", String.valueOf(e.errorMessage())));
  }

  private static ResponseEntity<Map<String, Object>> missingToken() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(
            Map.of(
                "error",
                "UNAUTHORIZED",
                "message",
                "Send Authorization: Bearer <token>; the token is forwarded to the portal."));
  }

  /** What the sample shows of a user. */
  record UserSummary(
      String id,
      @Nullable String displayName,
      @Nullable String email,
      @Nullable String organizationId) {}
}
