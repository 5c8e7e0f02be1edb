package com.winwinmbs.portal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a page sits in a result: the portal's {@code pagination} object.
 *
 * @param page the page number, from 1
 * @param limit the page size asked for
 * @param total the number of items in all pages
 * @param totalPages the number of pages
 */
public record Pagination(
    int page, int limit, long total, @JsonProperty("total_pages") int totalPages) {

  /** Whether a page follows this one. */
  public boolean hasNext() {
    return page < totalPages;
  }
}
