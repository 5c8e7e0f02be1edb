package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.webhook.Webhook;
import com.winwinmbs.portal.api.webhook.WebhookApi;
import com.winwinmbs.portal.api.webhook.WebhookCreateRequest;
import com.winwinmbs.portal.api.webhook.WebhookUpdateRequest;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link WebhookApi}: each route as one call through the pipeline. */
public final class DefaultWebhookApi implements WebhookApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultWebhookApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultWebhookApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public WebhookApi withOptions(RequestOptions options) {
    return new DefaultWebhookApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public Page<Webhook> search(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.WEBHOOK_SEARCH).json(request).options(options), Webhook.class);
  }

  @Override
  public Stream<Webhook> searchAll(SearchRequest request) {
    Objects.requireNonNull(request, "request == null");
    return Paging.stream(Pages.first(request.page()), n -> search(request.withPage(n)));
  }

  @Override
  public Webhook findById(String id) {
    return executor.execute(
        Call.to(Endpoints.WEBHOOK_FIND_BY_ID).path("id", id).options(options), Webhook.class);
  }

  @Override
  public Webhook create(WebhookCreateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.WEBHOOK_CREATE).json(request).secret(request.secret()).options(options),
        Webhook.class);
  }

  @Override
  public Webhook update(String id, WebhookUpdateRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.WEBHOOK_UPDATE)
            .path("id", id)
            .json(request)
            .secret(request.secret())
            .options(options),
        Webhook.class);
  }

  @Override
  public void delete(String id) {
    executor.executeVoid(Call.to(Endpoints.WEBHOOK_DELETE).path("id", id).options(options));
  }
}
