package com.winwinmbs.portal.api.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The cookies of a session, as the request path sends and keeps them. */
public interface CookieStore {

  /** The {@code Cookie} header for a request to this URI, if any cookie matches. */
  Optional<String> header(URI uri);

  /** Keeps the cookies of a response's {@code Set-Cookie} headers. */
  void store(URI uri, List<String> setCookieHeaders);
}
