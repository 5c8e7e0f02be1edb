package com.winwinmbs.portal.api.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.winwinmbs.portal.api.ClientInternals;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.internal.RequestExecutor;
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
   * The request path of a built client, for core tests that send a {@code Call} to a route whose
   * namespace is not under test.
   */
  public static RequestExecutor executor(PortalApiClient client) {
    return ClientInternals.executor(client);
  }
}
