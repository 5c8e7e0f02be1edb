package com.winwinmbs.portal.api.email;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for {@code email().history}, sent as query parameters ({@code status}, {@code
 * template_code}, {@code recipient}, {@code date_from}, {@code date_to}, {@code page}, {@code
 * limit}); null fields are left out.
 *
 * <pre>{@code
 * Page<EmailHistoryEntry> failed = portal.email().history(EmailHistoryQuery.builder()
 *     .status(EmailStatus.FAILED)
 *     .from(Instant.parse("2026-11-01T00:00:00Z"))
 *     .limit(50)
 *     .build());
 * }</pre>
 *
 * @param status only emails in this state
 * @param templateCode only emails from this template
 * @param recipient only emails to this address
 * @param from only emails queued at or after this instant
 * @param to only emails queued before this instant
 * @param page the page number, from 1
 * @param limit the page size
 */
public record EmailHistoryQuery(
    @Nullable EmailStatus status,
    @Nullable String templateCode,
    @Nullable String recipient,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Integer page,
    @Nullable Integer limit) {

  private static final EmailHistoryQuery ALL =
      new EmailHistoryQuery(null, null, null, null, null, null, null);

  public EmailHistoryQuery {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page starts at 1: " + page);
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the date range ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** No filter: the first page of everything. */
  public static EmailHistoryQuery all() {
    return ALL;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy asking for another page. */
  public EmailHistoryQuery withPage(int page) {
    return new EmailHistoryQuery(status, templateCode, recipient, from, to, page, limit);
  }

  /** Builds an {@link EmailHistoryQuery}. */
  public static final class Builder {
    private @Nullable EmailStatus status;
    private @Nullable String templateCode;
    private @Nullable String recipient;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private @Nullable Integer page;
    private @Nullable Integer limit;

    private Builder() {}

    public Builder status(@Nullable EmailStatus status) {
      this.status = status;
      return this;
    }

    public Builder templateCode(@Nullable String templateCode) {
      this.templateCode = templateCode;
      return this;
    }

    public Builder recipient(@Nullable String recipient) {
      this.recipient = recipient;
      return this;
    }

    /** Emails queued at or after this instant. */
    public Builder from(@Nullable Instant from) {
      this.from = from;
      return this;
    }

    /** Emails queued before this instant. */
    public Builder to(@Nullable Instant to) {
      this.to = to;
      return this;
    }

    public Builder page(int page) {
      this.page = page;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public EmailHistoryQuery build() {
      return new EmailHistoryQuery(status, templateCode, recipient, from, to, page, limit);
    }
  }
}
