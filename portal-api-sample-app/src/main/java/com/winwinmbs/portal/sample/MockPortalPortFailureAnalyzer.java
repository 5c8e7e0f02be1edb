package com.winwinmbs.portal.sample;

import com.winwinmbs.portal.api.test.PortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a taken port of the embedded mock portal into one line that says what to set, in place of a
 * stack trace; registered in {@code META-INF/spring.factories}.
 */
final class MockPortalPortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
    int port = cause.port();
    return new FailureAnalysis(
        "The embedded mock portal could not start: port "
            + port
            + " is already in use; set sample.mock-portal.port to another port, or to 0 for a"
            + " free one.",
        "Stop what listens on port "
            + port
            + " (another run of the sample, or a standalone mock portal), set"
            + " sample.mock-portal.port, or set portal.api.base-url to use a portal that is already"
            + " running.",
        cause);
  }
}
