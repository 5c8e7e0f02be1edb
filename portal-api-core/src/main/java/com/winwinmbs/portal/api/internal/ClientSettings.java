package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.Sleeper;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The validated settings of one client, as the request pipeline reads them.
 *
 * @param baseUrl the base URL without a trailing slash
 * @param tokenSource where bearer tokens come from, or null for none
 * @param apiKey the {@code X-API-Key}, or null
 * @param tenantId the {@code X-Tenant-Id}, or null
 * @param timeout the response timeout of each attempt
 * @param transport the HTTP transport
 * @param retryPolicy how attempts are retried
 * @param observationRegistry where observations go
 * @param observationConvention a convention replacing the default, or null
 * @param userAgent the {@code User-Agent}
 * @param clock the clock for rate-limit dates
 * @param sleeper waits between attempts
 */
public record ClientSettings(
    String baseUrl,
    @Nullable TokenSource tokenSource,
    @Nullable String apiKey,
    @Nullable String tenantId,
    Duration timeout,
    PortalTransport transport,
    RetryPolicy retryPolicy,
    ObservationRegistry observationRegistry,
    @Nullable PortalObservationConvention observationConvention,
    String userAgent,
    Clock clock,
    Sleeper sleeper) {

  @Override
  public String toString() {
    return "ClientSettings[baseUrl="
        + baseUrl
        + ", tokenSource="
        + (tokenSource == null ? "none" : "set")
        + ", apiKey="
        + (apiKey == null ? "none" : "[REDACTED]")
        + ", tenantId="
        + tenantId
        + ", timeout="
        + timeout
        + ", transport="
        + transport
        + ", retryPolicy="
        + retryPolicy
        + "]";
  }
}
