package com.winwinmbs.portal.api.observation;

import com.winwinmbs.portal.api.http.Endpoint;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The context of one logical call (all its attempts) in the {@code portal.api.client.requests}
 * observation. Tracing propagation writes into {@link #getCarrier()}; the client sends those
 * headers with every attempt.
 */
public final class PortalObservationContext
    extends RequestReplySenderContext<Map<String, String>, Integer> {

  private final Endpoint endpoint;
  private final String path;
  private volatile int attempts;
  private volatile @Nullable String requestId;

  public PortalObservationContext(Endpoint endpoint, String path) {
    super(
        (carrier, key, value) -> {
          if (carrier != null) {
            carrier.put(key, value);
          }
        });
    this.endpoint = endpoint;
    this.path = path;
    setCarrier(new LinkedHashMap<>());
  }

  /** The route called. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The expanded path, without the query. High cardinality. */
  public String path() {
    return path;
  }

  /** The status of the last response, or null when none arrived. */
  public @Nullable Integer status() {
    return getResponse();
  }

  /** The attempts sent so far. */
  public int attempts() {
    return attempts;
  }

  /** Records that an attempt was sent. */
  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  /**
   * The portal's request id ({@code X-Request-Id}) of the last response, or null. High cardinality.
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Records the request id of the last response. */
  public void setRequestId(@Nullable String requestId) {
    this.requestId = requestId;
  }
}
