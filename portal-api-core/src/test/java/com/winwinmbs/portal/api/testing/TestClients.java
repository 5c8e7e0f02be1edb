package com.winwinmbs.portal.api.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.lang.reflect.Field;
import java.time.Duration;

/** Clients pointed at a test's WireMock server. */
public final class TestClients {

  /** The bearer token {@link #client(WireMockRuntimeInfo)} sends. */
  public static final String TOKEN = "test-token-5f2c";

  private TestClients() {}

  /** A builder for the WireMock server, with a constant token and retries that do not sleep. */
  public static PortalApiClient.Builder builder(WireMockRuntimeInfo wm) {
    return PortalApiClient.builder()
        .apiUrl(wm.getHttpBaseUrl())
        .tokenSource(TokenSource.of(TOKEN))
        .timeout(Duration.ofSeconds(5))
        .sleeper(duration -> {});
  }

  /** A client for the WireMock server, as {@link #builder(WireMockRuntimeInfo)} sets it up. */
  public static PortalApiClient client(WireMockRuntimeInfo wm) {
    return builder(wm).build();
  }

  /**
   * The request pipeline of a built client, for core tests that send a {@code Call} to a route
   * whose namespace is not under test (the client keeps its pipeline private).
   */
  public static RequestExecutor executor(PortalApiClient client) {
    try {
      Field field = PortalApiClient.class.getDeclaredField("executor");
      field.setAccessible(true);
      return (RequestExecutor) field.get(client);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "PortalApiClient no longer keeps its RequestExecutor in 'executor'", e);
    }
  }
}
