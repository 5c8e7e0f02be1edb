package com.winwinmbs.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The criteria of a {@code search}: page, page size, free text, filters and sort keys, sent as the
 * JSON body of {@code POST /{group}/search}.
 *
 * <pre>{@code
 * Page<User> page = portal.user().search(SearchRequest.builder()
 *     .page(1)
 *     .limit(20)
 *     .filter("status", List.of("active"))
 *     .sort(Sort.desc("created_at"))
 *     .build());
 * }</pre>
 *
 * @param page the page number, from 1
 * @param limit the page size
 * @param search free text, or null
 * @param filter filters by wire field name; a list value matches any of its elements
 * @param sort sort keys, most significant first
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SearchRequest(
    @Nullable Integer page,
    @Nullable Integer limit,
    @Nullable String search,
    Map<String, Object> filter,
    List<Sort> sort) {

  /** The largest page size the client lets a search ask for. */
  public static final int MAX_LIMIT = 1000;

  public SearchRequest {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page starts at 1: " + page);
    }
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    filter = Collections.unmodifiableMap(new LinkedHashMap<>(filter == null ? Map.of() : filter));
    sort = List.copyOf(sort == null ? List.of() : sort);
  }

  /** Every item: first page, the portal's default size. */
  public static SearchRequest all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A copy asking for another page. */
  public SearchRequest withPage(int page) {
    return new SearchRequest(page, limit, search, filter, sort);
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.page = page;
    builder.limit = limit;
    builder.search = search;
    builder.filter.putAll(filter);
    builder.sort.addAll(sort);
    return builder;
  }

  /** Builds a {@link SearchRequest}. */
  public static final class Builder {
    private @Nullable Integer page;
    private @Nullable Integer limit;
    private @Nullable String search;
    private final Map<String, Object> filter = new LinkedHashMap<>();
    private final List<Sort> sort = new ArrayList<>();

    private Builder() {}

    public Builder page(int page) {
      this.page = page;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder search(@Nullable String search) {
      this.search = search;
      return this;
    }

    /** Adds a filter; a collection value matches any of its elements. */
    public Builder filter(String field, Object value) {
      Objects.requireNonNull(field, "field == null");
      Objects.requireNonNull(value, () -> "filter value of " + field + " == null");
      filter.put(field, value);
      return this;
    }

    /** Adds a sort key after those already added. */
    public Builder sort(Sort sort) {
      this.sort.add(Objects.requireNonNull(sort, "sort == null"));
      return this;
    }

    /** Adds a sort key after those already added. */
    public Builder sort(String field, SortOrder order) {
      return sort(new Sort(field, order));
    }

    public SearchRequest build() {
      return new SearchRequest(page, limit, search, filter, sort);
    }
  }
}
