package com.winwinmbs.portal.api.webhook;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.SearchRequest;
import java.util.stream.Stream;

/**
 * The {@code webhook} namespace ({@code /webhooks/*}): subscriptions through which the portal posts
 * events to an application. Obtained from {@code PortalApiClient.webhook()}.
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
public interface WebhookApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code searchAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  WebhookApi withOptions(RequestOptions options);

  /** One page of the webhooks matching the criteria ({@code POST /webhooks/search}). */
  Page<Webhook> search(SearchRequest request);

  /**
   * Every webhook matching the criteria, from the request's page on (page 1 when unset); each page
   * is fetched when the stream reaches it.
   */
  Stream<Webhook> searchAll(SearchRequest request);

  /**
   * The webhook with this id ({@code GET /webhooks/{id}}); a missing one is a {@code
   * NotFoundException}.
   */
  Webhook findById(String id);

  /**
   * Creates a webhook ({@code POST /webhooks}); the answer carries its signing secret, which later
   * reads mask. Not retried after a 5xx or an I/O failure unless the call carries an idempotency
   * key.
   */
  Webhook create(WebhookCreateRequest request);

  /**
   * Changes a webhook ({@code PUT /webhooks/{id}}); fields left null in the request stay as they
   * are. Returns the webhook as stored.
   */
  Webhook update(String id, WebhookUpdateRequest request);

  /** Deletes the webhook ({@code DELETE /webhooks/{id}}). */
  void delete(String id);
}
