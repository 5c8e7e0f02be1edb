package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.line.LineApi;
import com.winwinmbs.portal.api.line.LineLink;
import com.winwinmbs.portal.api.line.LineLinkRequest;
import com.winwinmbs.portal.api.line.LineNotifyRequest;
import com.winwinmbs.portal.api.line.LineNotifyResult;
import com.winwinmbs.portal.api.line.LineUnlinkRequest;
import java.util.Objects;

/** The client's {@link LineApi}: each route as one call through the pipeline. */
public final class DefaultLineApi implements LineApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultLineApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultLineApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public LineApi withOptions(RequestOptions options) {
    return new DefaultLineApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public LineLink link(LineLinkRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.LINE_LINK).json(request).options(options), LineLink.class);
  }

  @Override
  public void unlink(LineUnlinkRequest request) {
    Objects.requireNonNull(request, "request == null");
    executor.executeVoid(Call.to(Endpoints.LINE_UNLINK).json(request).options(options));
  }

  @Override
  public LineNotifyResult notify(LineNotifyRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.LINE_NOTIFY).json(request).options(options), LineNotifyResult.class);
  }
}
