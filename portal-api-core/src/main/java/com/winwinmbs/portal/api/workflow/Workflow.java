package com.winwinmbs.portal.api.workflow;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An approval workflow definition: the steps a request goes through.
 *
 * <pre>{@code
 * Workflow leave = portal.workflow().findById(workflowId);
 * }</pre>
 *
 * @param id the workflow's id
 * @param code the workflow's code, for example {@code LEAVE_REQUEST}
 * @param name the workflow's display name
 * @param description what the workflow approves
 * @param category the group it is listed under, for example {@code hr}
 * @param status the definition's state
 * @param version the definition's version, raised on each published change
 * @param steps the steps in order, empty when not sent
 * @param createdBy the user who created the workflow
 * @param createdAt when the workflow was created
 * @param updatedAt when the workflow last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Workflow(
    String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String description,
    @Nullable String category,
    @Nullable WorkflowStatus status,
    @Nullable Integer version,
    List<WorkflowStep> steps,
    @Nullable String createdBy,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public Workflow {
    Objects.requireNonNull(id, "id == null");
    steps = steps == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(steps));
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
