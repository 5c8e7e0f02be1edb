package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.health.HealthStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator} of the portal: UP when the
 * portal's own health check reports itself healthy, DOWN when it reports otherwise or cannot be
 * reached. The portal is asked only when the health endpoint is, never at startup.
 */
final class PortalApiHealthIndicator extends AbstractHealthIndicator {

  private final ObjectProvider<HealthApi> health;

  PortalApiHealthIndicator(ObjectProvider<HealthApi> health) {
    super("Portal health check failed");
    this.health = health;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    HealthStatus status = this.health.getObject().check();
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
