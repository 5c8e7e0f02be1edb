package com.winwinmbs.portal.api.email;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import java.util.stream.Stream;

/**
 * The {@code email} namespace ({@code /emails/*}): send an email, list templates, read the delivery
 * history. Obtained from {@code PortalApiClient.email()}.
 *
 * <pre>{@code
 * EmailSendResult sent = portal.email().send(EmailSendRequest.builder()
 *     .to(List.of("somchai@example.co.th"))
 *     .templateCode("welcome")
 *     .variables(Map.of("first_name", "Somchai"))
 *     .build());
 * }</pre>
 */
public interface EmailApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code …All} stream included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  EmailApi withOptions(RequestOptions options);

  /**
   * Sends (queues) an email ({@code POST /emails/send}). Not retried after a 5xx or an I/O failure
   * unless the call carries an idempotency key: the email might go out twice.
   */
  EmailSendResult send(EmailSendRequest request);

  /**
   * One page of the email templates matching the query ({@code GET /emails/templates?…}); {@link
   * EmailTemplateQuery#all()} for every template.
   */
  Page<EmailTemplate> templates(EmailTemplateQuery query);

  /**
   * Every email template matching the query, from the query's page on (page 1 when unset); each
   * page is fetched when the stream reaches it.
   */
  Stream<EmailTemplate> templatesAll(EmailTemplateQuery query);

  /**
   * One page of the delivery history matching the query ({@code GET /emails/history?…}), newest
   * first as the portal orders it; {@link EmailHistoryQuery#all()} for every entry.
   */
  Page<EmailHistoryEntry> history(EmailHistoryQuery query);

  /**
   * Every history entry matching the query, from the query's page on (page 1 when unset); each page
   * is fetched when the stream reaches it.
   */
  Stream<EmailHistoryEntry> historyAll(EmailHistoryQuery query);
}
