package com.winwinmbs.portal.api.line;

import com.winwinmbs.portal.api.RequestOptions;

/**
 * The {@code line} namespace ({@code /line/*}): link a portal user to a LINE account, unlink it,
 * and push LINE messages to users. Obtained from {@code PortalApiClient.line()}.
 *
 * <pre>{@code
 * portal.line().notify(LineNotifyRequest.builder()
 *     .userIds(List.of(approverId))
 *     .message("A purchase request waits for your approval")
 *     .build());
 * }</pre>
 *
 * <p>{@code notify(LineNotifyRequest)} is named as in the TypeScript client; it overloads, and has
 * nothing to do with, {@link Object#notify()}.
 */
public interface LineApi {

  /**
   * A view of this namespace whose every call sends these options, laid over the ones this view
   * already has ({@link RequestOptions#with(RequestOptions)}).
   */
  LineApi withOptions(RequestOptions options);

  /** Links a portal user to a LINE account ({@code POST /line/link}). */
  LineLink link(LineLinkRequest request);

  /** Removes a user's link to LINE ({@code POST /line/unlink}). */
  void unlink(LineUnlinkRequest request);

  /**
   * Pushes a LINE message to users ({@code POST /line/notify}). Not retried after a 5xx or an I/O
   * failure unless the call carries an idempotency key.
   */
  LineNotifyResult notify(LineNotifyRequest request);
}
