package com.winwinmbs.portal.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list result: its items and where it sits.
 *
 * @param items the items of this page
 * @param pagination the page number, size and totals
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Pagination pagination) {

  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(pagination, "pagination == null");
  }

  /** Whether a page follows this one. */
  public boolean hasNext() {
    return pagination.hasNext();
  }
}
