package com.winwinmbs.portal.api;

import org.jspecify.annotations.Nullable;

/**
 * The portal's envelope of a single result: {@code {success, data}}. Namespace methods unwrap it
 * and return the payload; it is public for users who decode portal JSON themselves.
 *
 * @param success whether the call succeeded
 * @param data the payload
 * @param message an optional message
 * @param <T> the payload type
 */
public record ApiResponse<T>(boolean success, @Nullable T data, @Nullable String message) {}
