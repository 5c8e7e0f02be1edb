package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.mcptoken.AuditLogQuery;
import com.winwinmbs.portal.api.mcptoken.CreateMcpTokenRequest;
import com.winwinmbs.portal.api.mcptoken.CreatedMcpToken;
import com.winwinmbs.portal.api.mcptoken.McpAuditLog;
import com.winwinmbs.portal.api.mcptoken.McpToken;
import com.winwinmbs.portal.api.mcptoken.McpTokenApi;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The client's {@link McpTokenApi}: each route as one call through the pipeline. */
public final class DefaultMcpTokenApi implements McpTokenApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultMcpTokenApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultMcpTokenApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public McpTokenApi withOptions(RequestOptions options) {
    return new DefaultMcpTokenApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public List<McpToken> list() {
    McpTokenList body =
        executor.execute(Call.to(Endpoints.MCP_TOKEN_LIST).options(options), McpTokenList.class);
    return body.tokens() == null ? List.of() : List.copyOf(body.tokens());
  }

  @Override
  public CreatedMcpToken create(CreateMcpTokenRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.MCP_TOKEN_CREATE).json(request).options(options), CreatedMcpToken.class);
  }

  @Override
  public McpToken findById(String tokenId) {
    return executor.execute(
        Call.to(Endpoints.MCP_TOKEN_FIND_BY_ID).path("tokenId", tokenId).options(options),
        McpToken.class);
  }

  @Override
  public void revoke(String tokenId, @Nullable String reason) {
    Call call = Call.to(Endpoints.MCP_TOKEN_REVOKE).path("tokenId", tokenId).options(options);
    if (reason != null) {
      call.json(new RevokeBody(reason));
    }
    executor.executeVoid(call);
  }

  @Override
  public Page<McpAuditLog> auditLogs(String tokenId, AuditLogQuery query) {
    Objects.requireNonNull(query, "query == null");
    Call call =
        Call.to(Endpoints.MCP_TOKEN_AUDIT_LOGS)
            .path("tokenId", tokenId)
            .query("page", query.page())
            .query("limit", query.limit())
            .query("startDate", query.startDate())
            .query("endDate", query.endDate())
            .query("statusCode", query.statusCode())
            .options(options);
    AuditLogPage body = executor.execute(call, AuditLogPage.class);
    List<McpAuditLog> logs = body.logs() == null ? List.of() : body.logs();
    return new Page<>(logs, pagination(body.pagination(), query, logs.size()));
  }

  @Override
  public Stream<McpAuditLog> auditLogsAll(String tokenId, AuditLogQuery query) {
    Objects.requireNonNull(tokenId, "tokenId == null");
    Objects.requireNonNull(query, "query == null");
    return Paging.stream(Pages.first(query.page()), n -> auditLogs(tokenId, query.withPage(n)));
  }

  /**
   * The guide's {@code {page, limit, totalPages, totalCount}} as the client's {@link Pagination}.
   */
  private static Pagination pagination(
      AuditLogPage.@Nullable AuditPagination sent, AuditLogQuery query, int items) {
    int page =
        sent != null && sent.page() != null ? sent.page() : query.page() == null ? 1 : query.page();
    int limit =
        sent != null && sent.limit() != null
            ? sent.limit()
            : query.limit() == null ? items : query.limit();
    if (sent == null || sent.totalPages() == null) {
      // without totals this page is taken as the last, so lazy iteration stops rather than loops
      long total = sent != null && sent.totalCount() != null ? sent.totalCount() : items;
      return new Pagination(page, limit, total, page);
    }
    long total = sent.totalCount() != null ? sent.totalCount() : items;
    return new Pagination(page, limit, total, sent.totalPages());
  }
}
