package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.observation.DefaultPortalObservationConvention;
import com.winwinmbs.portal.api.observation.PortalObservationContext;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Adds the low-cardinality key {@code client} (the client's name: {@code default}, a name under
 * {@code portal.api.clients}, or {@code custom} for clients built from the builder bean) to a
 * convention, so the metrics of several clients can be told apart. A {@code client} key of the
 * application's own convention wins.
 */
final class ClientNameObservationConvention implements PortalObservationConvention {

  static final String KEY = "client";

  private final PortalObservationConvention delegate;

  private final KeyValues client;

  ClientNameObservationConvention(@Nullable PortalObservationConvention delegate, String name) {
    this.delegate = (delegate != null) ? delegate : DefaultPortalObservationConvention.INSTANCE;
    this.client = KeyValues.of(KEY, name);
  }

  @Override
  public @Nullable String getName() {
    return this.delegate.getName();
  }

  @Override
  public @Nullable String getContextualName(PortalObservationContext context) {
    return this.delegate.getContextualName(context);
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(PortalObservationContext context) {
    return this.client.and(this.delegate.getLowCardinalityKeyValues(context));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(PortalObservationContext context) {
    return this.delegate.getHighCardinalityKeyValues(context);
  }

  @Override
  public String toString() {
    return "ClientNameObservationConvention[" + this.client + ", " + this.delegate + "]";
  }
}
