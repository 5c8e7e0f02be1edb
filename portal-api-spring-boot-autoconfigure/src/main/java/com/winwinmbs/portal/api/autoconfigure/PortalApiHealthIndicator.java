package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.health.HealthStatus;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator} of the portal: UP when the
 * portal's own health check reports itself healthy, DOWN when it reports otherwise or cannot be
 * reached in time. The portal is asked only when the health endpoint is, never at startup.
 *
 * <p>The check goes through a client derived from the application's: the same transport, token
 * source and observations, but its own short timeout and one attempt, so a slow portal makes the
 * health endpoint report DOWN in seconds instead of holding it through every retry.
 */
final class PortalApiHealthIndicator extends AbstractHealthIndicator {

  private final HealthApi health;

  private PortalApiHealthIndicator(HealthApi health) {
    super("Portal health check failed");
    this.health = health;
  }

  /**
   * An indicator checking through a variant of the client with the timeout and no retries.
   *
   * @throws PortalApiConfigurationException when the timeout is not a positive duration
   */
  static PortalApiHealthIndicator of(PortalApiClient client, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new PortalApiConfigurationException(
          "management.health.portal.timeout is not valid: it must be a positive duration, not "
              + timeout
              + ".",
          "Set management.health.portal.timeout to a positive duration such as 5s.");
    }
    // the call timeout bounds the whole check, its token included
    PortalApiClient checking =
        client.toBuilder().timeout(timeout).callTimeout(timeout).maxAttempts(1).build();
    return new PortalApiHealthIndicator(checking.health());
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    HealthStatus status = this.health.check();
    builder.status(status.isUp() ? Status.UP : Status.DOWN);
    if (status.status() != null) {
      builder.withDetail("status", status.status());
    }
    if (status.version() != null) {
      builder.withDetail("version", status.version());
    }
    if (status.error() != null && !status.error().isEmpty()) {
      builder.withDetail("error", status.error());
    }
  }
}
