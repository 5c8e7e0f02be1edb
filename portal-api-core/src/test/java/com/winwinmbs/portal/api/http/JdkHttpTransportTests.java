package com.winwinmbs.portal.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.internal.Endpoints;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void aResponseReachesItsCallerWithNoMoreHandOffsThanTheJdksOwnStreamingBody(
      WireMockRuntimeInfo wm) throws Exception {
    wm.getWireMock()
        .register(
            get("/users/usr_1")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{\"id\":\"usr_1\"}}")));
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(
                task -> {
                  tasks.incrementAndGet();
                  pool.execute(task);
                })
            .build();
    URI uri = URI.create(wm.getHttpBaseUrl() + "/users/usr_1");
    JdkHttpTransport transport = JdkHttpTransport.create(client);
    TransportRequest request =
        new TransportRequest(
            Endpoints.USER_FIND_BY_ID,
            HttpMethod.GET,
            uri,
            Map.of("id", "usr_1"),
            Headers.empty(),
            null,
            Duration.ofSeconds(5));
    int calls = 50;
    int rounds = 4;
    try {
      readWithJdkStream(client, uri); // both connections open before counting
      try (TransportResponse response = transport.exchange(request)) {
        response.body().readAllBytes();
      }
      int byJdkStream = 0;
      int byTransport = 0;
      for (int round = 0; round < rounds; round++) { // alternated, so both see the same moments
        tasks.set(0);
        for (int i = 0; i < calls; i++) {
          readWithJdkStream(client, uri);
        }
        byJdkStream += tasks.getAndSet(0);
        for (int i = 0; i < calls; i++) {
          try (TransportResponse response = transport.exchange(request)) {
            response.body().readAllBytes();
          }
        }
        byTransport += tasks.get();
      }

      // a body subscriber from outside the JDK is handed its response on the executor: one more
      // task, one more thread hand-off per call than the JDK's own subscribers (+200 here). The
      // JDK's own count moves by a few tens between runs, so half of that is the bound.
      assertThat(byTransport).isLessThan(byJdkStream + calls * rounds / 2);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void readWithJdkStream(HttpClient client, URI uri) throws Exception {
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      body.readAllBytes();
    }
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
