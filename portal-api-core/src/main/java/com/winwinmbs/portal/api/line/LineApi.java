package com.winwinmbs.portal.api.line;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code line} namespace ({@code /line/*}): link a portal user to a LINE account, unlink it,
 * and push LINE messages to users.
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
public final class LineApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.line()}. */
  public LineApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** Links a portal user to a LINE account. */
  public LineLink link(LineLinkRequest request) {
    return link(request, null);
  }

  /** Links a portal user to a LINE account, with per-call options. */
  public LineLink link(LineLinkRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.LINE_LINK).json(request).options(options), LineLink.class);
  }

  /** Removes a user's link to LINE. */
  public void unlink(LineUnlinkRequest request) {
    unlink(request, null);
  }

  /** Removes a user's link to LINE, with per-call options. */
  public void unlink(LineUnlinkRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    executor.executeVoid(Call.to(Endpoints.LINE_UNLINK).json(request).options(options));
  }

  /** Pushes a LINE message to users; not retried after a 5xx without an Idempotency-Key. */
  public LineNotifyResult notify(LineNotifyRequest request) {
    return notify(request, null);
  }

  /** Pushes a LINE message to users, with per-call options. */
  public LineNotifyResult notify(LineNotifyRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.LINE_NOTIFY).json(request).options(options), LineNotifyResult.class);
  }
}
