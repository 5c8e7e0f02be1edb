package com.winwinmbs.portal.api.mcptoken;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.RequestOptions;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mcpToken} namespace ({@code /mcp/tokens}): machine tokens for MCP agents and their
 * audit logs. Obtained from {@code PortalApiClient.mcpToken()}.
 *
 * <pre>{@code
 * CreatedMcpToken created = portal.mcpToken().create(new CreateMcpTokenRequest("Claude AI Agent",
 *     Map.of("issues", List.of("read", "search"))));
 * secretStore.put("mcp-token", created.token()); // shown only this once
 * portal.mcpToken().auditLogsAll(created.tokenId(), AuditLogQuery.builder().statusCode(403).build())
 *     .forEach(entry -> ...);
 * }</pre>
 */
public interface McpTokenApi {

  /**
   * A view of this namespace whose every call, each page of a lazy {@code auditLogsAll} included,
   * sends these options, laid over the ones this view already has ({@link
   * RequestOptions#with(RequestOptions)}).
   */
  McpTokenApi withOptions(RequestOptions options);

  /** The tenant's MCP tokens, without their values ({@code GET /mcp/tokens}). */
  List<McpToken> list();

  /**
   * Creates a token ({@code POST /mcp/tokens}, 201). The result holds the token's value, which the
   * portal never returns again.
   */
  CreatedMcpToken create(CreateMcpTokenRequest request);

  /**
   * One token's details, without its value ({@code GET /mcp/tokens/{tokenId}}); a missing one is a
   * {@code NotFoundException}.
   */
  McpToken findById(String tokenId);

  /**
   * Revokes the token at once ({@code DELETE /mcp/tokens/{tokenId}}), with why as {@code {"reason":
   * …}}; a null reason sends no body. The portal then reports the token with status {@link
   * McpTokenStatus#REVOKED}.
   */
  void revoke(String tokenId, @Nullable String reason);

  /**
   * One page of what the token did ({@code GET /mcp/tokens/{tokenId}/audit-logs}), newest first as
   * the portal orders it; the query sets page, limit (1 to 100), date range and status, {@link
   * AuditLogQuery#all()} none of them.
   */
  Page<McpAuditLog> auditLogs(String tokenId, AuditLogQuery query);

  /**
   * Every audit-log entry matching the query, from the query's page on (page 1 when unset); each
   * page is fetched when the stream reaches it.
   */
  Stream<McpAuditLog> auditLogsAll(String tokenId, AuditLogQuery query);
}
