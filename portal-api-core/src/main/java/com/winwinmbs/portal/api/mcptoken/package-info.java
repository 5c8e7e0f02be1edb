/** The {@code mcpToken} namespace: machine tokens for MCP agents, and their audit logs. */
@NullMarked
package com.winwinmbs.portal.api.mcptoken;

import org.jspecify.annotations.NullMarked;
