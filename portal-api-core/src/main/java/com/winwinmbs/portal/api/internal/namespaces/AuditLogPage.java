package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.mcptoken.McpAuditLog;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /mcp/tokens/{tokenId}/audit-logs}: {@code {logs: [...], pagination:
 * {...}}}.
 */
record AuditLogPage(@Nullable List<McpAuditLog> logs, @Nullable AuditPagination pagination) {

  AuditLogPage {
    if (logs != null && logs.contains(null)) {
      throw new IllegalArgumentException("logs holds a null where an entry belongs");
    }
  }

  /**
   * The guide's pagination: camelCase, with {@code totalCount} where the portal says {@code total}.
   */
  record AuditPagination(
      @Nullable Integer page,
      @Nullable Integer limit,
      @Nullable Integer totalPages,
      @Nullable Long totalCount) {}
}
