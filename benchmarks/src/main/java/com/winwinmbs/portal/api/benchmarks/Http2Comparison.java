package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.user.User;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/2 against HTTP/1.1 over TLS on the JDK {@link HttpClient}: the client on its JDK transport
 * and raw JDK HttpClient + Jackson, each on a client pinned to one version, against one local TLS
 * server that speaks both ({@link TlsStubPortal}), interleaved ({@link Interleaved}).
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks.jar
 * com.winwinmbs.portal.api.benchmarks.Http2Comparison [threads=16,64] [ops=findById,search]
 * [rounds=6] [warmups=3] [slice=1000]}.
 */
public final class Http2Comparison {

  private static final String ID = Clients.USER_ID;
  private static final SearchRequest SEARCH = Clients.SEARCH;

  private Http2Comparison() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Interleaved.options(
            args,
            "ops",
            "findById,search",
            "threads",
            "16,64",
            "rounds",
            "6",
            "warmups",
            "3",
            "slice",
            "1000");
    System.out.printf(
        "# %s, %d CPUs, %s%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        options);
    try (TlsStubPortal server = TlsStubPortal.start()) {
      JsonMapper mapper = Clients.mapper();
      JavaType userType =
          mapper.getTypeFactory().constructParametricType(ApiResponse.class, User.class);
      JavaType pageType =
          mapper.getTypeFactory().constructParametricType(ApiPaginatedResponse.class, User.class);
      URI userUri = URI.create(server.baseUrl() + "/users/" + ID);
      URI searchUri = URI.create(server.baseUrl() + "/users/search");
      Map<String, HttpClient> raw = new LinkedHashMap<>();
      Map<String, PortalApiClient> portal = new LinkedHashMap<>();
      for (HttpClient.Version version : HttpClient.Version.values()) {
        String name = version == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        raw.put(name, client(version, server));
        portal.put(
            name,
            PortalApiClient.builder()
                .apiUrl(server.baseUrl())
                .tokenSource(TokenSource.of(Clients.TOKEN))
                .transport(JdkHttpTransport.create(client(version, server)))
                .build());
      }
      for (String threads : options.get("threads").split(",")) {
        Interleaved engine = new Interleaved(Integer.parseInt(threads.trim()));
        try {
          for (String op : options.get("ops").split(",")) {
            boolean find = op.equals("findById");
            Map<String, Interleaved.Call> calls = new LinkedHashMap<>();
            for (String version : raw.keySet()) {
              HttpClient http = raw.get(version);
              calls.put(
                  "raw JDK HttpClient + Jackson, " + version,
                  find
                      ? () -> send(http, mapper, get(userUri), userType)
                      : () -> send(http, mapper, post(searchUri, mapper), pageType));
            }
            for (String version : portal.keySet()) {
              PortalApiClient client = portal.get(version);
              calls.put(
                  "portal, JDK transport, " + version,
                  find ? () -> client.user().findById(ID) : () -> client.user().search(SEARCH));
            }
            for (Interleaved.Call call : calls.values()) {
              call.run(); // every client answers before anything is timed
            }
            Map<String, Interleaved.Result> results =
                engine.run(
                    calls,
                    Integer.parseInt(options.get("warmups")),
                    Integer.parseInt(options.get("rounds")),
                    Long.parseLong(options.get("slice")),
                    server::serverAllocatedBytes);
            InterleavedReport.print(
                op + " over TLS, " + threads + " thread(s)",
                results,
                "raw JDK HttpClient + Jackson, HTTP/1.1");
            System.out.println();
            System.out.println(
                "- "
                    + InterleavedReport.headToHead(
                        results,
                        "portal, JDK transport, HTTP/2",
                        "portal, JDK transport, HTTP/1.1"));
            System.out.println("- requests so far: " + server.protocols());
          }
        } finally {
          engine.close();
        }
      }
    }
    System.exit(0);
  }

  private static HttpClient client(HttpClient.Version version, TlsStubPortal server) {
    return HttpClient.newBuilder()
        .version(version)
        .sslContext(server.sslContext())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", Clients.BEARER)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private static HttpRequest post(URI uri, JsonMapper mapper) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", Clients.BEARER)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(SEARCH)))
        .build();
  }

  private static Object send(HttpClient http, JsonMapper mapper, HttpRequest request, JavaType type)
      throws Exception {
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
      return mapper.readValue(body, type);
    }
  }
}
