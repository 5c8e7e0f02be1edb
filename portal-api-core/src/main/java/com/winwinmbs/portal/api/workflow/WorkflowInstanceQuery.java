package com.winwinmbs.portal.api.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code workflow().instances}, sent as query parameters ({@code
 * ?workflow_id=…&status=…}); filters left null are not sent.
 *
 * <pre>{@code
 * Page<WorkflowInstance> running = portal.workflow().instances(WorkflowInstanceQuery.builder()
 *     .workflowId(leaveWorkflowId)
 *     .status(WorkflowInstanceStatus.IN_PROGRESS)
 *     .build());
 * }</pre>
 *
 * @param workflowId only runs of this workflow ({@code workflow_id})
 * @param status only runs in this state ({@code status})
 * @param initiatorUserId only runs started by this user ({@code initiator_user_id})
 * @param referenceType only runs about this kind of record ({@code reference_type})
 * @param referenceId only runs about this record ({@code reference_id})
 * @param page the page number, from 1 ({@code page})
 * @param limit the page size ({@code limit})
 * @param additionalParameters further query parameters the portal understands, sent as given
 */
public record WorkflowInstanceQuery(
    @Nullable String workflowId,
    @Nullable WorkflowInstanceStatus status,
    @Nullable String initiatorUserId,
    @Nullable String referenceType,
    @Nullable String referenceId,
    @Nullable Integer page,
    @Nullable Integer limit,
    Map<String, String> additionalParameters) {

  public WorkflowInstanceQuery {
    checkPaging(page, limit);
    additionalParameters =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(additionalParameters == null ? Map.of() : additionalParameters));
  }

  /** Every run the caller may see, first page, the portal's default size. */
  public static WorkflowInstanceQuery all() {
    return builder().build();
  }

  /** A builder for a {@link WorkflowInstanceQuery}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy asking for another page. */
  public WorkflowInstanceQuery withPage(int page) {
    return new WorkflowInstanceQuery(
        workflowId,
        status,
        initiatorUserId,
        referenceType,
        referenceId,
        page,
        limit,
        additionalParameters);
  }

  static void checkPaging(@Nullable Integer page, @Nullable Integer limit) {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page starts at 1: " + page);
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  /** Builds a {@link WorkflowInstanceQuery}. */
  public static final class Builder {
    private @Nullable String workflowId;
    private @Nullable WorkflowInstanceStatus status;
    private @Nullable String initiatorUserId;
    private @Nullable String referenceType;
    private @Nullable String referenceId;
    private @Nullable Integer page;
    private @Nullable Integer limit;
    private final Map<String, String> additionalParameters = new LinkedHashMap<>();

    private Builder() {}

    /** Only runs of this workflow. */
    public Builder workflowId(@Nullable String workflowId) {
      this.workflowId = workflowId;
      return this;
    }

    /** Only runs in this state. */
    public Builder status(@Nullable WorkflowInstanceStatus status) {
      this.status = status;
      return this;
    }

    /** Only runs started by this user. */
    public Builder initiatorUserId(@Nullable String initiatorUserId) {
      this.initiatorUserId = initiatorUserId;
      return this;
    }

    /** Only runs about this kind of record. */
    public Builder referenceType(@Nullable String referenceType) {
      this.referenceType = referenceType;
      return this;
    }

    /** Only runs about this record. */
    public Builder referenceId(@Nullable String referenceId) {
      this.referenceId = referenceId;
      return this;
    }

    /** The page number, from 1. */
    public Builder page(int page) {
      this.page = page;
      return this;
    }

    /** The page size. */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Adds a query parameter this client does not model, sent as given. */
    public Builder parameter(String name, String value) {
      additionalParameters.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, () -> "value of query parameter " + name + " == null"));
      return this;
    }

    /** The query. */
    public WorkflowInstanceQuery build() {
      return new WorkflowInstanceQuery(
          workflowId,
          status,
          initiatorUserId,
          referenceType,
          referenceId,
          page,
          limit,
          additionalParameters);
    }
  }
}
