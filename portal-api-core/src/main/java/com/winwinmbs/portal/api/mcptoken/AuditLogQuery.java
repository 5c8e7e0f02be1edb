package com.winwinmbs.portal.api.mcptoken;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The filters of an audit-log page: which page, how many per page, a date range and a status. Null
 * leaves a filter out (the portal's defaults: page 1, 50 per page). Checked when built, so a bad
 * value fails before anything is sent.
 *
 * <pre>{@code
 * AuditLogQuery query = AuditLogQuery.builder().limit(100).statusCode(401)
 *     .startDate(Instant.parse("2025-11-01T00:00:00Z")).build();
 * portal.mcpToken().auditLogsAll(tokenId, query).forEach(log -> ...);
 * }</pre>
 *
 * @param page the page number, from 1
 * @param limit entries per page, 1 to 100
 * @param startDate the earliest entry (sent as ISO 8601)
 * @param endDate the latest entry (sent as ISO 8601)
 * @param statusCode only entries answered with this HTTP status
 */
public record AuditLogQuery(
    @Nullable Integer page,
    @Nullable Integer limit,
    @Nullable Instant startDate,
    @Nullable Instant endDate,
    @Nullable Integer statusCode) {

  /** The largest page the portal serves. */
  public static final int MAX_LIMIT = 100;

  private static final AuditLogQuery ALL = new AuditLogQuery(null, null, null, null, null);

  public AuditLogQuery {
    if (page != null) {
      checkPage(page);
    }
    if (limit != null) {
      checkLimit(limit);
    }
    if (statusCode != null) {
      checkStatusCode(statusCode);
    }
    if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
      throw new IllegalArgumentException("startDate " + startDate + " is after endDate " + endDate);
    }
  }

  /** No filters: the portal's first page and default size. */
  public static AuditLogQuery all() {
    return ALL;
  }

  /** A builder with no filters set. */
  public static Builder builder() {
    return new Builder();
  }

  /** This query for another page. */
  public AuditLogQuery withPage(int page) {
    return new AuditLogQuery(page, limit, startDate, endDate, statusCode);
  }

  private static int checkPage(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more: " + page);
    }
    return page;
  }

  private static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    return limit;
  }

  private static int checkStatusCode(int statusCode) {
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException(
          "statusCode must be an HTTP status (100 to 599): " + statusCode);
    }
    return statusCode;
  }

  /** Builds an {@link AuditLogQuery}; each setter checks its value at once. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer limit;
    private @Nullable Instant startDate;
    private @Nullable Instant endDate;
    private @Nullable Integer statusCode;

    private Builder() {}

    /** The page number, from 1. */
    public Builder page(int page) {
      this.page = checkPage(page);
      return this;
    }

    /** Entries per page, 1 to 100. */
    public Builder limit(int limit) {
      this.limit = checkLimit(limit);
      return this;
    }

    /** The earliest entry. */
    public Builder startDate(@Nullable Instant startDate) {
      this.startDate = startDate;
      return this;
    }

    /** The latest entry. */
    public Builder endDate(@Nullable Instant endDate) {
      this.endDate = endDate;
      return this;
    }

    /** Only entries answered with this HTTP status. */
    public Builder statusCode(int statusCode) {
      this.statusCode = checkStatusCode(statusCode);
      return this;
    }

    /** The query; a start after the end is refused. */
    public AuditLogQuery build() {
      return new AuditLogQuery(page, limit, startDate, endDate, statusCode);
    }
  }
}
