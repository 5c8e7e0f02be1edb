package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.email.EmailApi;
import com.winwinmbs.portal.api.email.EmailHistoryEntry;
import com.winwinmbs.portal.api.email.EmailHistoryQuery;
import com.winwinmbs.portal.api.email.EmailSendRequest;
import com.winwinmbs.portal.api.email.EmailSendResult;
import com.winwinmbs.portal.api.email.EmailTemplate;
import com.winwinmbs.portal.api.email.EmailTemplateQuery;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.Objects;
import java.util.stream.Stream;

/** The client's {@link EmailApi}: each route as one call through the pipeline. */
public final class DefaultEmailApi implements EmailApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultEmailApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultEmailApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public EmailApi withOptions(RequestOptions options) {
    return new DefaultEmailApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public EmailSendResult send(EmailSendRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.EMAIL_SEND).json(request).options(options), EmailSendResult.class);
  }

  @Override
  public Page<EmailTemplate> templates(EmailTemplateQuery query) {
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

  @Override
  public Stream<EmailTemplate> templatesAll(EmailTemplateQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paging.stream(Pages.first(query.page()), n -> templates(query.withPage(n)));
  }

  @Override
  public Page<EmailHistoryEntry> history(EmailHistoryQuery query) {
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

  @Override
  public Stream<EmailHistoryEntry> historyAll(EmailHistoryQuery query) {
    Objects.requireNonNull(query, "query == null");
    return Paging.stream(Pages.first(query.page()), n -> history(query.withPage(n)));
  }
}
