package com.winwinmbs.portal.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@WireMockTest
class JdkHttpTransportTests {

  @Test
  void buildingClientsStartsNoHttpClientUntilTheFirstRequest(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/health")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"status\":\"ok\"}}")));
    Set<String> before = selectorThreads();

    PortalApiClient[] clients = new PortalApiClient[5];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = PortalApiClient.builder().apiUrl(wm.getHttpBaseUrl()).build();
    }
    Set<String> startedByBuilding = started(before);
    clients[0].health().check();
    Set<String> startedByCalling = started(before);

    assertThat(startedByBuilding).isEmpty();
    assertThat(startedByCalling).hasSize(1);
  }

  @Test
  void toStringNamesVersionAndConnectTimeoutWithoutCreatingTheClient() {
    JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(3));
    Set<String> before = selectorThreads();

    assertThat(transport.toString()).isEqualTo("JdkHttpTransport[HTTP_1_1, connectTimeout=PT3S]");
    assertThat(started(before)).isEmpty();
  }

  /**
   * Each JDK HttpClient runs one selector thread with a unique name; new names mean new clients
   * (names rather than counts, as other tests' clients may be collected meanwhile).
   */
  private static Set<String> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.contains("SelectorManager"))
        .collect(Collectors.toSet());
  }

  private static Set<String> started(Set<String> before) {
    Set<String> now = new HashSet<>(selectorThreads());
    now.removeAll(before);
    return now;
  }
}
