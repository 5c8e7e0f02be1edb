package com.winwinmbs.portal.api.internal.namespaces;

/** The optional body of {@code DELETE /mcp/tokens/{tokenId}}. */
record RevokeBody(String reason) {}
