package com.winwinmbs.portal.api.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Reads one registration out of the reactive stack's {@link ReactiveClientRegistrationRepository},
 * for the blocking client-credentials manager the portal client uses in every kind of application.
 */
final class ReactiveRegistrations {

  /** A repository that is not a plain in-memory one may look the registration up remotely. */
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  private ReactiveRegistrations() {}

  /**
   * A blocking repository holding the registration with that id, or null when the reactive one has
   * none. Called while the application context starts, never on a request thread.
   */
  static @Nullable ClientRegistrationRepository blocking(
      ReactiveClientRegistrationRepository reactive, String registrationId) {
    ClientRegistration found = null;
    if (reactive instanceof Iterable<?> registrations) {
      for (Object each : registrations) {
        if (each instanceof ClientRegistration registration
            && registration.getRegistrationId().equals(registrationId)) {
          found = registration;
        }
      }
    } else {
      found = reactive.findByRegistrationId(registrationId).block(LOOKUP_TIMEOUT);
    }
    return (found != null) ? new InMemoryClientRegistrationRepository(found) : null;
  }
}
