package com.winwinmbs.portal.api.email;

import org.jspecify.annotations.Nullable;

/**
 * Filters for {@code email().templates}, sent as query parameters ({@code category}, {@code
 * search}, {@code is_active}, {@code page}, {@code limit}); null fields are left out.
 *
 * @param category only templates of this category
 * @param search free text matched against code and name
 * @param isActive only active (or only inactive) templates
 * @param page the page number, from 1
 * @param limit the page size
 */
public record EmailTemplateQuery(
    @Nullable String category,
    @Nullable String search,
    @Nullable Boolean isActive,
    @Nullable Integer page,
    @Nullable Integer limit) {

  private static final EmailTemplateQuery ALL =
      new EmailTemplateQuery(null, null, null, null, null);

  public EmailTemplateQuery {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page starts at 1: " + page);
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  /** No filter: every template, the first page, the portal's default size. */
  public static EmailTemplateQuery all() {
    return ALL;
  }

  /** Templates of one category. */
  public static EmailTemplateQuery category(String category) {
    return new EmailTemplateQuery(category, null, null, null, null);
  }

  /** A copy asking for another page. */
  public EmailTemplateQuery withPage(int page) {
    return new EmailTemplateQuery(category, search, isActive, page, limit);
  }
}
