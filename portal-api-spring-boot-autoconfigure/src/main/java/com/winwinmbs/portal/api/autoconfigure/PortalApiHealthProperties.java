package com.winwinmbs.portal.api.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration properties of the {@code portal} health indicator. */
@ConfigurationProperties("management.health.portal")
public class PortalApiHealthProperties {

  /** Time the health check waits for the portal's answer, in its one attempt. */
  private Duration timeout = Duration.ofSeconds(5);

  public Duration getTimeout() {
    return this.timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
