package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.mcptoken.McpToken;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of {@code GET /mcp/tokens}: {@code {tokens: [...]}}. */
record McpTokenList(@Nullable List<McpToken> tokens) {

  McpTokenList {
    if (tokens != null && tokens.contains(null)) {
      throw new IllegalArgumentException("tokens holds a null where a token belongs");
    }
  }
}
