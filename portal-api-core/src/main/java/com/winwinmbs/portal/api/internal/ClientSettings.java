package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.Sleeper;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one client, as the request path reads them. Every rule the builder applies is
 * checked here too, so settings that reach a pipeline are valid however they were made.
 *
 * @param baseUrl the base URL without a trailing slash
 * @param guideBasePath the path prefix of the integration guide's routes, empty for none
 * @param tokenSource where bearer tokens come from, or null for none
 * @param apiKey the {@code X-API-Key}, or null
 * @param tenantId the {@code X-Tenant-Id}, or null
 * @param timeout the response timeout of each attempt, headers and body
 * @param callTimeout the time a whole call may take (token, attempts and waits), or null for none
 * @param maxResponseSize the largest JSON response body read, in bytes
 * @param transport the HTTP transport
 * @param interceptors the application's interceptors, in the order they run
 * @param retryPolicy how attempts are retried
 * @param observationRegistry where observations go
 * @param observationConvention a convention replacing the default, or null
 * @param userAgent the {@code User-Agent}
 * @param allowInsecureHttp whether credentials may go over plain http to a host that is not
 *     loopback
 * @param clock the clock for rate-limit dates
 * @param sleeper waits between attempts
 */
public record ClientSettings(
    String baseUrl,
    String guideBasePath,
    @Nullable TokenSource tokenSource,
    @Nullable String apiKey,
    @Nullable String tenantId,
    Duration timeout,
    @Nullable Duration callTimeout,
    long maxResponseSize,
    PortalTransport transport,
    List<PortalInterceptor> interceptors,
    RetryPolicy retryPolicy,
    ObservationRegistry observationRegistry,
    @Nullable PortalObservationConvention observationConvention,
    String userAgent,
    boolean allowInsecureHttp,
    Clock clock,
    Sleeper sleeper) {

  public ClientSettings {
    baseUrl = Urls.normalizeBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null"), "apiUrl");
    guideBasePath = Urls.normalizePathPrefix(guideBasePath, "guideBasePath");
    requirePositive(timeout, "timeout");
    if (callTimeout != null) {
      requirePositive(callTimeout, "callTimeout");
    }
    if (maxResponseSize <= 0 || maxResponseSize > RequestOptions.MAX_RESPONSE_SIZE) {
      throw new IllegalArgumentException(
          "maxResponseSize must be between 1 and "
              + RequestOptions.MAX_RESPONSE_SIZE
              + " bytes: "
              + maxResponseSize);
    }
    Objects.requireNonNull(transport, "transport == null");
    interceptors = List.copyOf(interceptors);
    Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    Objects.requireNonNull(observationRegistry, "observationRegistry == null");
    Objects.requireNonNull(userAgent, "userAgent == null");
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(sleeper, "sleeper == null");
    if (tokenSource != null || apiKey != null) {
      Urls.requireSecure(URI.create(baseUrl), "apiUrl", "tokens and API keys", allowInsecureHttp);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " == null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }

  @Override
  public String toString() {
    return "ClientSettings[baseUrl="
        + baseUrl
        + (guideBasePath.isEmpty() ? "" : ", guideBasePath=" + guideBasePath)
        + ", tokenSource="
        + (tokenSource == null ? "none" : "set")
        + ", apiKey="
        + (apiKey == null ? "none" : "[REDACTED]")
        + ", tenantId="
        + tenantId
        + ", timeout="
        + timeout
        + (callTimeout == null ? "" : ", callTimeout=" + callTimeout)
        + ", maxResponseSize="
        + maxResponseSize
        + ", transport="
        + transport
        + ", interceptors="
        + interceptors.size()
        + ", retryPolicy="
        + retryPolicy
        + "]";
  }
}
