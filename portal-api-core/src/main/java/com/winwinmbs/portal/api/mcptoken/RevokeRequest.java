package com.winwinmbs.portal.api.mcptoken;

/** The optional body of {@code DELETE /mcp/tokens/{tokenId}}. */
record RevokeRequest(String reason) {}
