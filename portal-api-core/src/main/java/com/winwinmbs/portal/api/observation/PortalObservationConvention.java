package com.winwinmbs.portal.api.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the {@code portal.api.client.requests} observation; replace it to change tags. */
public interface PortalObservationConvention
    extends ObservationConvention<PortalObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof PortalObservationContext;
  }
}
