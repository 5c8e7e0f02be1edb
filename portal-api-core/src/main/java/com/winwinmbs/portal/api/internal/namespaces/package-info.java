/**
 * Not API: the implementations of the namespace interfaces ({@code UserApi}, …), built only by
 * {@code PortalApiClient}, and the wire shapes only they use. Any of it may change in any release.
 */
@NullMarked
package com.winwinmbs.portal.api.internal.namespaces;

import org.jspecify.annotations.NullMarked;
