package com.winwinmbs.portal.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The portal's envelope of a list result: {@code {success, data: [...], pagination}}. Namespace
 * methods turn it into a {@link Page}.
 *
 * @param success whether the call succeeded
 * @param data the items of this page
 * @param pagination where the page sits
 * @param message an optional message
 * @param <T> the item type
 */
public record ApiPaginatedResponse<T>(
    boolean success,
    @Nullable List<T> data,
    @Nullable Pagination pagination,
    @Nullable String message) {}
