package com.winwinmbs.portal.api.email;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code email} namespace ({@code /emails/*}): send an email, list templates, read the delivery
 * history.
 *
 * <pre>{@code
 * EmailSendResult sent = portal.email().send(EmailSendRequest.builder()
 *     .to(List.of("somchai@example.co.th"))
 *     .templateCode("welcome")
 *     .variables(Map.of("first_name", "Somchai"))
 *     .build());
 * }</pre>
 *
 * <p>{@code send} is not retried after a 5xx or an I/O failure (the email might go out twice)
 * unless the call carries an Idempotency-Key.
 */
public final class EmailApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.email()}. */
  public EmailApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** Sends (queues) an email. */
  public EmailSendResult send(EmailSendRequest request) {
    return send(request, null);
  }

  /** Sends (queues) an email, with per-call options such as an Idempotency-Key. */
  public EmailSendResult send(EmailSendRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.EMAIL_SEND).json(request).options(options), EmailSendResult.class);
  }

  /** The first page of email templates. */
  public Page<EmailTemplate> templates() {
    return templates(EmailTemplateQuery.none(), null);
  }

  /** A page of email templates matching the query. */
  public Page<EmailTemplate> templates(EmailTemplateQuery query) {
    return templates(query, null);
  }

  /** A page of email templates matching the query, with per-call options. */
  public Page<EmailTemplate> templates(EmailTemplateQuery query, @Nullable RequestOptions options) {
    Objects.requireNonNull(query, "query == null");
    Call call =
        Call.to(Endpoints.EMAIL_TEMPLATES)
            .query("category", query.category())
            .query("search", query.search())
            .query("is_active", query.isActive())
            .query("page", query.page())
            .query("limit", query.limit())
            .options(options);
    return executor.executePage(call, EmailTemplate.class);
  }

  /** The first page of the delivery history, newest first as the portal orders it. */
  public Page<EmailHistoryEntry> history() {
    return history(EmailHistoryQuery.none(), null);
  }

  /** A page of the delivery history matching the query. */
  public Page<EmailHistoryEntry> history(EmailHistoryQuery query) {
    return history(query, null);
  }

  /** A page of the delivery history matching the query, with per-call options. */
  public Page<EmailHistoryEntry> history(
      EmailHistoryQuery query, @Nullable RequestOptions options) {
    Objects.requireNonNull(query, "query == null");
    Call call =
        Call.to(Endpoints.EMAIL_HISTORY)
            .query("status", query.status())
            .query("template_code", query.templateCode())
            .query("recipient", query.recipient())
            .query("date_from", query.from())
            .query("date_to", query.to())
            .query("page", query.page())
            .query("limit", query.limit())
            .options(options);
    return executor.executePage(call, EmailHistoryEntry.class);
  }

  /**
   * Every history entry matching the query, from its page on, fetched page by page as the stream is
   * consumed.
   */
  public Stream<EmailHistoryEntry> historyAll(EmailHistoryQuery query) {
    return historyAll(query, null);
  }

  /** Every history entry matching the query, lazily, with per-call options for each page. */
  public Stream<EmailHistoryEntry> historyAll(
      EmailHistoryQuery query, @Nullable RequestOptions options) {
    Objects.requireNonNull(query, "query == null");
    int first = query.page() == null ? 1 : query.page();
    return Paging.stream(first, page -> history(query.withPage(page), options));
  }
}
