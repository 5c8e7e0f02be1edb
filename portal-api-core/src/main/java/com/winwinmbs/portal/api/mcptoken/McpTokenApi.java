package com.winwinmbs.portal.api.mcptoken;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.Paging;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mcpToken} namespace: machine tokens for MCP agents and their audit logs.
 *
 * <pre>{@code
 * CreatedMcpToken created = portal.mcpToken().create(new CreateMcpTokenRequest("Claude AI Agent",
 *     Map.of("issues", List.of("read", "search"))));
 * secretStore.put("mcp-token", created.token()); // shown only this once
 * portal.mcpToken().auditLogsAll(created.tokenId(), AuditLogQuery.builder().statusCode(403).build())
 *     .forEach(entry -> ...);
 * }</pre>
 */
public final class McpTokenApi {

  private final RequestExecutor executor;

  /** For the client; obtain this namespace with {@code PortalApiClient.mcpToken()}. */
  public McpTokenApi(RequestExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  /** {@code GET /mcp/tokens}: the tenant's MCP tokens, without their values. */
  public List<McpToken> list() {
    return list(null);
  }

  /** {@code GET /mcp/tokens}, with per-call options. */
  public List<McpToken> list(@Nullable RequestOptions options) {
    McpTokenList body =
        executor.execute(Call.to(Endpoints.MCP_TOKEN_LIST).options(options), McpTokenList.class);
    return body.tokens() == null ? List.of() : List.copyOf(body.tokens());
  }

  /**
   * {@code POST /mcp/tokens} (201): creates a token. The result holds the token's value, which the
   * portal never returns again.
   */
  public CreatedMcpToken create(CreateMcpTokenRequest request) {
    return create(request, null);
  }

  /** {@code POST /mcp/tokens}, with per-call options. */
  public CreatedMcpToken create(CreateMcpTokenRequest request, @Nullable RequestOptions options) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.MCP_TOKEN_CREATE).json(request).options(options), CreatedMcpToken.class);
  }

  /** {@code GET /mcp/tokens/{tokenId}}: one token's details, without its value. */
  public McpToken get(String tokenId) {
    return get(tokenId, null);
  }

  /** {@code GET /mcp/tokens/{tokenId}}, with per-call options. */
  public McpToken get(String tokenId, @Nullable RequestOptions options) {
    return executor.execute(
        Call.to(Endpoints.MCP_TOKEN_GET).path("tokenId", tokenId).options(options), McpToken.class);
  }

  /**
   * {@code DELETE /mcp/tokens/{tokenId}}: revokes the token at once.
   *
   * @param reason why, sent as {@code {"reason": …}}; null sends no body
   */
  public void revoke(String tokenId, @Nullable String reason) {
    revoke(tokenId, reason, null);
  }

  /** {@code DELETE /mcp/tokens/{tokenId}}, with per-call options. */
  public void revoke(String tokenId, @Nullable String reason, @Nullable RequestOptions options) {
    Call call = Call.to(Endpoints.MCP_TOKEN_REVOKE).path("tokenId", tokenId).options(options);
    if (reason != null) {
      call.json(new RevokeRequest(reason));
    }
    executor.executeVoid(call);
  }

  /**
   * {@code GET /mcp/tokens/{tokenId}/audit-logs}: one page of what the token did, newest first as
   * the portal orders it.
   *
   * @param query page, limit (1 to 100), date range and status; null for the portal's defaults
   */
  public Page<McpAuditLog> auditLogs(String tokenId, @Nullable AuditLogQuery query) {
    return auditLogs(tokenId, query, null);
  }

  /** {@code GET /mcp/tokens/{tokenId}/audit-logs}, with per-call options. */
  public Page<McpAuditLog> auditLogs(
      String tokenId, @Nullable AuditLogQuery query, @Nullable RequestOptions options) {
    AuditLogQuery q = query == null ? AuditLogQuery.none() : query;
    Call call =
        Call.to(Endpoints.MCP_TOKEN_AUDIT_LOGS)
            .path("tokenId", tokenId)
            .query("page", q.page())
            .query("limit", q.limit())
            .query("startDate", q.startDate())
            .query("endDate", q.endDate())
            .query("statusCode", q.statusCode())
            .options(options);
    AuditLogPage body = executor.execute(call, AuditLogPage.class);
    List<McpAuditLog> logs = body.logs() == null ? List.of() : body.logs();
    return new Page<>(logs, pagination(body.pagination(), q, logs.size()));
  }

  /**
   * Every audit-log entry matching the query, from its page (or the first) on, as a lazy stream: a
   * page is fetched only when the stream reaches it.
   */
  public Stream<McpAuditLog> auditLogsAll(String tokenId, @Nullable AuditLogQuery query) {
    return auditLogsAll(tokenId, query, null);
  }

  /** As {@link #auditLogsAll(String, AuditLogQuery)}, with per-call options for every page. */
  public Stream<McpAuditLog> auditLogsAll(
      String tokenId, @Nullable AuditLogQuery query, @Nullable RequestOptions options) {
    Objects.requireNonNull(tokenId, "tokenId == null");
    AuditLogQuery q = query == null ? AuditLogQuery.none() : query;
    int first = q.page() == null ? 1 : q.page();
    return Paging.stream(first, page -> auditLogs(tokenId, q.withPage(page), options));
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
