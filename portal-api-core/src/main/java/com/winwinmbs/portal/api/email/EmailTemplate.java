package com.winwinmbs.portal.api.email;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An email template kept by the portal.
 *
 * @param id the template id
 * @param code the code that {@code template_code} refers to
 * @param name the display name
 * @param description what the template is for
 * @param category a grouping, for example {@code auth}
 * @param subject the subject, with placeholders
 * @param bodyHtml the HTML body, with placeholders
 * @param bodyText the plain-text body, with placeholders
 * @param variables the placeholder names the template uses
 * @param language the language, for example {@code th} or {@code en}
 * @param isActive whether the template can be used
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmailTemplate(
    @Nullable String id,
    @Nullable String code,
    @Nullable String name,
    @Nullable String description,
    @Nullable String category,
    @Nullable String subject,
    @Nullable String bodyHtml,
    @Nullable String bodyText,
    @Nullable List<String> variables,
    @Nullable String language,
    @Nullable Boolean isActive,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public EmailTemplate {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
