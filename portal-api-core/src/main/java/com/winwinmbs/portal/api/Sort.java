package com.winwinmbs.portal.api;

import java.util.Objects;

/**
 * One sort key of a search: {@code {field, order}}.
 *
 * @param field the wire name of the field, for example {@code created_at}
 * @param order the direction
 */
public record Sort(String field, SortOrder order) {

  public Sort {
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(order, "order == null");
    if (field.isBlank()) {
      throw new IllegalArgumentException("sort field must not be blank");
    }
  }

  public static Sort asc(String field) {
    return new Sort(field, SortOrder.ASC);
  }

  public static Sort desc(String field) {
    return new Sort(field, SortOrder.DESC);
  }
}
