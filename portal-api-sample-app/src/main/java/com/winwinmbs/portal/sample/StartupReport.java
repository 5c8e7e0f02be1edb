package com.winwinmbs.portal.sample;

import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.organization.Organization;
import com.winwinmbs.portal.api.organization.OrganizationApi;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserApi;
import com.winwinmbs.portal.api.workflow.WorkflowApi;
import com.winwinmbs.portal.api.workflow.WorkflowTask;
import com.winwinmbs.portal.api.workflow.WorkflowTaskQuery;
import com.winwinmbs.portal.api.workflow.WorkflowTaskStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Calls the portal machine-to-machine once at startup, through the injected namespace beans, and
 * logs what it found. No user request is in progress, so the hybrid token source sends the machine
 * token (client credentials).
 */
@Component
class StartupReport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final UserApi users;
  private final OrganizationApi organizations;
  private final WorkflowApi workflows;

  StartupReport(UserApi users, OrganizationApi organizations, WorkflowApi workflows) {
    this.users = users;
    this.organizations = organizations;
    this.workflows = workflows;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<User> found = users.search(SearchRequest.builder().page(1).limit(20).build()).items();
    StringBuilder report = new StringBuilder("Portal report (machine-to-machine)");
    report.append("\n  users found: ").append(found.size());
    for (User user : found) {
      report
          .append("\n    - ")
          .append(user.displayName())
          .append(" <")
          .append(user.email())
          .append('>');
    }
    report.append("\n  organization tree:");
    organizations.tree().forEach(root -> appendTree(report, root, 2));
    List<WorkflowTask> pending =
        workflows.tasks(WorkflowTaskQuery.all()).items().stream()
            .filter(task -> WorkflowTaskStatus.PENDING.equals(task.status()))
            .toList();
    report.append("\n  pending workflow tasks: ").append(pending.size());
    for (WorkflowTask task : pending) {
      report
          .append("\n    - ")
          .append(task.workflowName())
          .append(" / ")
          .append(task.stepName())
          .append(" -> ")
          .append(task.assigneeUserId())
          .append(" (due ")
          .append(task.dueDate())
          .append(')');
    }
    log.info("{}", report);
  }

  private static void appendTree(StringBuilder report, Organization node, int depth) {
    report.append('\n').append("  ".repeat(depth)).append("- ").append(node.name());
    report.append(" [").append(node.type()).append(']');
    for (Organization child : node.children()) {
      appendTree(report, child, depth + 1);
    }
  }
}
