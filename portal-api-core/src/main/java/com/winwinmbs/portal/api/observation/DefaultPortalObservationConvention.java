package com.winwinmbs.portal.api.observation;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default convention: name {@code portal.api.client.requests}, low-cardinality keys {@code
 * namespace}, {@code operation}, {@code method}, {@code uri} (the template), {@code status}, {@code
 * outcome} and {@code error}; high-cardinality {@code http.url.path} (the expanded path).
 */
public class DefaultPortalObservationConvention implements PortalObservationConvention {

  /** The observation's name, and so the timer's. */
  public static final String NAME = "portal.api.client.requests";

  /** The shared instance. */
  public static final DefaultPortalObservationConvention INSTANCE =
      new DefaultPortalObservationConvention();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(PortalObservationContext context) {
    return "portal " + context.endpoint().id();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(PortalObservationContext context) {
    Integer status = context.status();
    Throwable error = context.getError();
    return KeyValues.of(
        "namespace", context.endpoint().namespace(),
        "operation", context.endpoint().operation(),
        "method", context.endpoint().method().name(),
        "uri", context.endpoint().uriTemplate(),
        "status", status(context),
        "outcome", outcome(status),
        "error", error == null ? "none" : error.getClass().getSimpleName());
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(PortalObservationContext context) {
    return KeyValues.of("http.url.path", context.path());
  }

  /**
   * The HTTP status; {@code IO_ERROR} when attempts were sent but none was answered; {@code NONE}
   * before the first attempt (what counters of events emitted then, such as {@code retries},
   * carry).
   */
  protected String status(PortalObservationContext context) {
    Integer status = context.status();
    if (status != null) {
      return String.valueOf(status);
    }
    return context.attempts() == 0 ? "NONE" : "IO_ERROR";
  }

  /**
   * {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code
   * UNKNOWN}.
   */
  protected String outcome(@Nullable Integer status) {
    if (status == null) {
      return "UNKNOWN";
    }
    int family = status / 100;
    return switch (family) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }
}
