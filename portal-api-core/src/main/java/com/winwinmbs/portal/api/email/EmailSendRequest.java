package com.winwinmbs.portal.api.email;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An email to send, either from a template ({@code template_code} and {@code variables}) or with
 * its own subject and HTML or text body.
 *
 * <pre>{@code
 * EmailSendResult sent = portal.email().send(EmailSendRequest.builder()
 *     .to(List.of("somchai@example.co.th"))
 *     .templateCode("welcome")
 *     .variables(Map.of("first_name", "Somchai"))
 *     .build());
 * }</pre>
 *
 * @param to the recipients' addresses
 * @param cc copy recipients
 * @param bcc blind copy recipients
 * @param replyTo the reply-to address
 * @param subject the subject; a template supplies its own when absent
 * @param templateCode the code of the template to render, for example {@code welcome}
 * @param variables values for the template's placeholders, by name
 * @param html the HTML body, when no template is used
 * @param text the plain-text body, when no template is used
 * @param attachmentFileIds ids of uploaded files to attach
 * @param additionalProperties fields this client does not know, kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmailSendRequest(
    @Nullable List<String> to,
    @Nullable List<String> cc,
    @Nullable List<String> bcc,
    @Nullable String replyTo,
    @Nullable String subject,
    @Nullable String templateCode,
    @Nullable Map<String, Object> variables,
    @Nullable String html,
    @Nullable String text,
    @Nullable List<String> attachmentFileIds,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public EmailSendRequest {
    if (to == null || to.isEmpty()) {
      throw new IllegalArgumentException("an email needs at least one recipient in 'to'");
    }
    if (templateCode == null && subject == null) {
      throw new IllegalArgumentException(
          "an email needs a templateCode, or a subject with an html or text body");
    }
    if (templateCode == null && html == null && text == null) {
      throw new IllegalArgumentException(
          "an email without a templateCode needs an html or text body");
    }
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link EmailSendRequest}. */
  public static final class Builder {
    private @Nullable List<String> to;
    private @Nullable List<String> cc;
    private @Nullable List<String> bcc;
    private @Nullable String replyTo;
    private @Nullable String subject;
    private @Nullable String templateCode;
    private @Nullable Map<String, Object> variables;
    private @Nullable String html;
    private @Nullable String text;
    private @Nullable List<String> attachmentFileIds;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    private Builder() {}

    /** The recipients' addresses. */
    public Builder to(@Nullable List<String> to) {
      this.to = to;
      return this;
    }

    /** Copy recipients. */
    public Builder cc(@Nullable List<String> cc) {
      this.cc = cc;
      return this;
    }

    /** Blind copy recipients. */
    public Builder bcc(@Nullable List<String> bcc) {
      this.bcc = bcc;
      return this;
    }

    /** The reply-to address. */
    public Builder replyTo(@Nullable String replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    /** The subject; a template supplies its own when absent. */
    public Builder subject(@Nullable String subject) {
      this.subject = subject;
      return this;
    }

    /** The code of the template to render, for example {@code welcome}. */
    public Builder templateCode(@Nullable String templateCode) {
      this.templateCode = templateCode;
      return this;
    }

    /** Values for the template's placeholders, by name. */
    public Builder variables(@Nullable Map<String, Object> variables) {
      this.variables = variables;
      return this;
    }

    /** The HTML body, when no template is used. */
    public Builder html(@Nullable String html) {
      this.html = html;
      return this;
    }

    /** The plain-text body, when no template is used. */
    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    /** Ids of uploaded files to attach. */
    public Builder attachmentFileIds(@Nullable List<String> attachmentFileIds) {
      this.attachmentFileIds = attachmentFileIds;
      return this;
    }

    /** Adds a field this client has no setter for, sent as given. */
    public Builder additionalProperty(String name, @Nullable Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name == null"), value);
      return this;
    }

    public EmailSendRequest build() {
      return new EmailSendRequest(
          to,
          cc,
          bcc,
          replyTo,
          subject,
          templateCode,
          variables,
          html,
          text,
          attachmentFileIds,
          new LinkedHashMap<>(additionalProperties));
    }
  }
}
