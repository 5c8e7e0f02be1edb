package com.winwinmbs.portal.api.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes, changes or answers the requests of a client: the extension point between replacing the
 * whole transport and nothing. Register it with {@code PortalApiClient.Builder.addInterceptor} (in
 * Spring Boot, declare it as a bean; beans run in {@code @Order}).
 *
 * <p>An interceptor runs at one of two {@linkplain Position positions}. At {@link Position#CALL}
 * (the default) it sees each logical call once, before retries and before credentials are added,
 * and gets back the final response after every retry: the place for a correlation id, an audit
 * record or a cached answer. At {@link Position#ATTEMPT} it sees every request that goes out,
 * credentials included, just before the transport: the place for request signing or per-attempt
 * timing.
 *
 * <pre>{@code
 * PortalInterceptor correlation = chain -> chain.proceed(
 *     chain.request().withHeader("X-Correlation-Id", MDC.get("correlationId")));
 * }</pre>
 *
 * <p>An interceptor may read and replace the request ({@link TransportRequest#withHeader}), read
 * the response (the body of a JSON response is buffered and can be read again), or answer without
 * calling {@link Chain#proceed} ({@link TransportResponse#of}). It must be thread-safe. An {@link
 * IOException} it throws is a transport failure (retried where the call may be); a runtime
 * exception ends the call as is. Header values are never logged by the client, but an interceptor
 * at {@code ATTEMPT} sees the {@code Authorization} header: keep it out of your own logs.
 */
@FunctionalInterface
public interface PortalInterceptor {

  /** Where in the request path an interceptor runs. */
  enum Position {
    /** Once per logical call, outside the retries and before credentials are added. */
    CALL,
    /** Once per request sent, after credentials and cookies are added, before the transport. */
    ATTEMPT
  }

  /**
   * Handles one request: usually {@code chain.proceed(chain.request())}, with changes before or
   * after.
   */
  TransportResponse intercept(Chain chain) throws IOException;

  /** Where this interceptor runs; {@link Position#CALL} unless overridden. */
  default Position position() {
    return Position.CALL;
  }

  /** The rest of the request path, as one interceptor sees it. */
  interface Chain {

    /** The request as it reaches this interceptor. */
    TransportRequest request();

    /** Hands the request to the next link of the path and returns its response. */
    TransportResponse proceed(TransportRequest request) throws IOException;

    /**
     * The number of requests this call has sent so far: 0 before the first (at {@link
     * Position#CALL} when the call begins; at {@link Position#ATTEMPT}, the requests before the one
     * under way).
     */
    int attempt();

    /** The time left before the call's deadline ({@code callTimeout}), if it has one. */
    Optional<Duration> remaining();
  }
}
