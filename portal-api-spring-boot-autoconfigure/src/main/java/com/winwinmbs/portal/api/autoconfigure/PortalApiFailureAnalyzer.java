package com.winwinmbs.portal.api.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link PortalApiConfigurationException} (a missing or malformed {@code
 * portal.api.base-url}, an unknown client registration, a half-configured {@code portal.api.auth}
 * block, an unknown SSL bundle) into the startup report's description and action.
 */
final class PortalApiFailureAnalyzer
    extends AbstractFailureAnalyzer<PortalApiConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PortalApiConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
