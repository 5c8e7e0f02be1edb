package com.winwinmbs.portal.api.webhook;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code webhook} namespace ({@code /webhooks/*}): subscriptions through which the portal posts
 * events to an application.
 *
 * <pre>{@code
 * Webhook webhook = portal.webhook().create(WebhookCreateRequest.builder()
 *     .name("ERP sync")
 *     .url("https://erp.example.co.th/portal-events")
 *     .events(List.of(WebhookEvent.USER_CREATED))
 *     .build());
 * String signingSecret = webhook.secret(); // keep it: the portal masks it on later reads
 * }</pre>
 */
public final class WebhookApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.webhook()}. */
  public WebhookApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** A page of webhooks matching the criteria. */
  public Page<Webhook> search(SearchRequest request) {
    return search(request, null);
  }

  /** A page of webhooks matching the criteria, with per-call options. */
  public Page<Webhook> search(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.executePage(
        Call.to(Endpoints.WEBHOOK_SEARCH).json(request).options(options), Webhook.class);
  }

  /**
   * Every webhook matching the criteria, from its page on, fetched page by page as the stream is
   * consumed.
   */
  public Stream<Webhook> searchAll(SearchRequest request) {
    return searchAll(request, null);
  }

  /** Every webhook matching the criteria, lazily, with per-call options for each page. */
  public Stream<Webhook> searchAll(SearchRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    int first = request.page() == null ? 1 : request.page();
    return Paging.stream(first, page -> search(request.withPage(page), options));
  }

  /** A webhook by id. */
  public Webhook findById(String id) {
    return findById(id, null);
  }

  /** A webhook by id, with per-call options. */
  public Webhook findById(String id, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    return executor.execute(
        Call.to(Endpoints.WEBHOOK_FIND_BY_ID).path("id", id).options(options), Webhook.class);
  }

  /** Creates a webhook; the answer carries its signing secret, which later reads mask. */
  public Webhook create(WebhookCreateRequest request) {
    return create(request, null);
  }

  /** Creates a webhook, with per-call options. */
  public Webhook create(WebhookCreateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.WEBHOOK_CREATE).json(request).secret(request.secret()).options(options),
        Webhook.class);
  }

  /** Changes a webhook; fields left null in the request stay as they are. */
  public Webhook update(String id, WebhookUpdateRequest request) {
    return update(id, request, null);
  }

  /** Changes a webhook, with per-call options. */
  public Webhook update(String id, WebhookUpdateRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.WEBHOOK_UPDATE)
            .path("id", id)
            .json(request)
            .secret(request.secret())
            .options(options),
        Webhook.class);
  }

  /** Deletes a webhook. */
  public void delete(String id) {
    delete(id, null);
  }

  /** Deletes a webhook, with per-call options. */
  public void delete(String id, @Nullable RequestOptions options) {
    Objects.requireNonNull(id, "id == null");
    executor.executeVoid(Call.to(Endpoints.WEBHOOK_DELETE).path("id", id).options(options));
  }
}
