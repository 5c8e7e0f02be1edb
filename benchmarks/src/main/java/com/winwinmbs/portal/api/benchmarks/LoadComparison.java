package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.HttpMethod;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.user.User;
import com.winwinmbs.portal.api.user.UserApi;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code findById} and {@code search} through every client, interleaved ({@link Interleaved}) at
 * one or more concurrency levels, as ratios to raw JDK {@code HttpClient} + Jackson 3 in the same
 * run; with latency, CPU, allocation and threads started per call beside the throughput.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks.jar
 * com.winwinmbs.portal.api.benchmarks.LoadComparison [options]}, options:
 *
 * <ul>
 *   <li>{@code ops=findById,search} the operations
 *   <li>{@code threads=1,16} the concurrency levels (worker threads)
 *   <li>{@code rounds=6 warmups=3 slice=1000} measured rounds, warm-up rounds, slice in ms
 *   <li>{@code clients=core|spring|factories|all|name,name} which clients (see {@link #CLIENTS})
 * </ul>
 */
public final class LoadComparison {

  static final String BASELINE = "raw JDK HttpClient + Jackson";

  /** The timeout the client sets on every request by default. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String ID = Clients.USER_ID;
  private static final SearchRequest SEARCH = Clients.SEARCH;
  private static final Headers TRANSPORT_HEADERS =
      Headers.builder()
          .set("Authorization", Clients.BEARER)
          .set("Accept", "application/json")
          .build();
  private static final ParameterizedTypeReference<ApiResponse<User>> USER_TYPE =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<ApiPaginatedResponse<User>> PAGE_TYPE =
      new ParameterizedTypeReference<>() {};

  /** Short names, for {@code clients=}, of every client this program can run. */
  static final Map<String, String> CLIENTS = new LinkedHashMap<>();

  static {
    CLIENTS.put("raw-jdk", BASELINE);
    CLIENTS.put("raw-jdk-timeout", "raw JDK HttpClient + Jackson, request timeout");
    CLIENTS.put("portal-jdk", "portal, JDK transport (plain Java)");
    CLIENTS.put("transport-jdk", "the JDK transport alone + Jackson");
    CLIENTS.put("portal-boot-jdk", "portal, JDK transport from Boot settings");
    CLIENTS.put("starter", "portal, starter default (Boot context)");
    CLIENTS.put("starter-rest", "portal, starter http-client=rest-client");
    CLIENTS.put("portal-rest-jdk", "portal, RestClient + JDK factory");
    CLIENTS.put("portal-rest-apache", "portal, RestClient + Apache HttpClient 5");
    CLIENTS.put("portal-rest-jetty", "portal, RestClient + Jetty");
    CLIENTS.put("portal-rest-reactor", "portal, RestClient + Reactor Netty");
    CLIENTS.put("rest-jdk", "raw RestClient + JDK factory");
    CLIENTS.put("rest-apache", "raw RestClient + Apache HttpClient 5");
    CLIENTS.put("rest-jetty", "raw RestClient + Jetty");
    CLIENTS.put("rest-reactor", "raw RestClient + Reactor Netty");
    CLIENTS.put("http-interface", "Spring HTTP interface (RestClient + JDK)");
    CLIENTS.put("feign", "OpenFeign (java11 client)");
  }

  private static final Map<String, List<String>> SETS =
      Map.of(
          "core",
          List.of("raw-jdk", "portal-jdk", "feign", "http-interface"),
          "spring",
          List.of(
              "raw-jdk",
              "portal-jdk",
              "starter",
              "starter-rest",
              "portal-boot-jdk",
              "portal-rest-jdk",
              "rest-jdk",
              "http-interface",
              "feign"),
          "factories",
          List.of(
              "raw-jdk",
              "portal-rest-jdk",
              "portal-rest-apache",
              "portal-rest-jetty",
              "portal-rest-reactor",
              "rest-jdk",
              "rest-apache",
              "rest-jetty",
              "rest-reactor"),
          "all",
          List.copyOf(CLIENTS.keySet()));

  private LoadComparison() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        Interleaved.options(
            args,
            "ops",
            "findById,search",
            "threads",
            "1,16",
            "rounds",
            "6",
            "warmups",
            "3",
            "slice",
            "1000",
            "clients",
            "spring");
    List<String> names =
        SETS.getOrDefault(options.get("clients"), Arrays.asList(options.get("clients").split(",")));
    System.out.printf(
        "# %s, %d CPUs (Runtime.availableProcessors), common pool parallelism %d, %s%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
        options);
    try (StubPortal stub = StubPortal.start(4, 1)) {
      Fixture fixture = new Fixture(stub.baseUrl());
      for (String threads : options.get("threads").split(",")) {
        Interleaved engine = new Interleaved(Integer.parseInt(threads.trim()));
        try {
          for (String op : options.get("ops").split(",")) {
            Map<String, Interleaved.Call> calls = new LinkedHashMap<>();
            for (String name : names) {
              String label = CLIENTS.get(name);
              if (label == null) {
                throw new IllegalArgumentException(
                    "unknown client " + name + "; known: " + CLIENTS.keySet());
              }
              calls.put(label, fixture.call(name, op));
            }
            Map<String, Interleaved.Result> results =
                engine.run(
                    calls,
                    Integer.parseInt(options.get("warmups")),
                    Integer.parseInt(options.get("rounds")),
                    Long.parseLong(options.get("slice")),
                    stub::serverAllocatedBytes);
            Interleaved.print(op + ", " + threads + " thread(s)", results, BASELINE);
            System.out.println();
            for (String peer :
                List.of(CLIENTS.get("feign"), CLIENTS.get("http-interface"), BASELINE)) {
              String line = Interleaved.headToHead(results, CLIENTS.get("portal-jdk"), peer);
              if (!line.isEmpty()) {
                System.out.println("- " + line);
              }
            }
          }
        } finally {
          engine.close();
        }
      }
    }
    System.exit(0); // the Jetty and Reactor Netty clients keep non-daemon threads
  }

  /** Every client, built once against the stub and checked to decode the same records. */
  static final class Fixture {
    private final String base;
    private final Map<String, Supplier<Object>> built = new LinkedHashMap<>();
    private final JsonMapper mapper = Clients.mapper();
    private final HttpClient httpClient = Clients.jdkHttpClient();
    private final JdkHttpTransport transport = JdkHttpTransport.create(Clients.jdkHttpClient());
    private final JavaType userType;
    private final JavaType pageType;
    private final URI userUri;
    private final URI searchUri;

    Fixture(String base) {
      this.base = base;
      this.userType =
          mapper.getTypeFactory().constructParametricType(ApiResponse.class, User.class);
      this.pageType =
          mapper.getTypeFactory().constructParametricType(ApiPaginatedResponse.class, User.class);
      this.userUri = URI.create(base + "/users/" + ID);
      this.searchUri = URI.create(base + "/users/search");
    }

    Interleaved.Call call(String name, String op) throws Exception {
      boolean find = op.equals("findById");
      if (!find && !op.equals("search")) {
        throw new IllegalArgumentException("unknown operation " + op);
      }
      Interleaved.Call call =
          switch (name) {
            case "raw-jdk" -> find ? () -> rawFindById(null) : () -> rawSearch(null);
            case "raw-jdk-timeout" -> find ? () -> rawFindById(TIMEOUT) : () -> rawSearch(TIMEOUT);
            case "transport-jdk" -> find ? this::transportFindById : this::transportSearch;
            case "portal-jdk" -> portal(name, () -> Clients.portalOnJdk(base), find);
            case "portal-boot-jdk" ->
                portal(name, () -> Clients.portalOnBootJdkTransport(base), find);
            case "portal-rest-jdk" ->
                portal(name, () -> Clients.portalOnRestClient(base, Clients.jdkFactory()), find);
            case "portal-rest-apache" ->
                portal(
                    name,
                    () ->
                        Clients.portalOnRestClient(
                            base, ClientHttpRequestFactoryBuilder.httpComponents()),
                    find);
            case "portal-rest-jetty" ->
                portal(
                    name,
                    () -> Clients.portalOnRestClient(base, ClientHttpRequestFactoryBuilder.jetty()),
                    find);
            case "portal-rest-reactor" ->
                portal(
                    name,
                    () ->
                        Clients.portalOnRestClient(base, ClientHttpRequestFactoryBuilder.reactor()),
                    find);
            case "starter" -> starter(name, find, List.of());
            case "starter-rest" ->
                starter(
                    name,
                    find,
                    List.of(
                        "portal.api.http-client=rest-client",
                        // what an application with RestClient alone has; this jar also carries
                        // Apache HttpClient 5, Jetty and Reactor Netty, and Boot would pick Apache
                        "spring.http.clients.imperative.factory=jdk"));
            case "rest-jdk" -> rest(name, Clients.jdkFactory(), find);
            case "rest-apache" ->
                rest(name, ClientHttpRequestFactoryBuilder.httpComponents(), find);
            case "rest-jetty" -> rest(name, ClientHttpRequestFactoryBuilder.jetty(), find);
            case "rest-reactor" -> rest(name, ClientHttpRequestFactoryBuilder.reactor(), find);
            case "http-interface" -> {
              Clients.UserExchange client =
                  (Clients.UserExchange) once(name, () -> Clients.httpInterface(base));
              yield find ? () -> client.findById(ID).data() : () -> client.search(SEARCH);
            }
            case "feign" -> {
              Clients.UserFeign client = (Clients.UserFeign) once(name, () -> Clients.feign(base));
              yield find ? () -> client.findById(ID).data() : () -> client.search(SEARCH);
            }
            default -> throw new IllegalArgumentException("unknown client " + name);
          };
      check(name, call.run(), find);
      return call;
    }

    private Interleaved.Call portal(
        String name, Supplier<PortalApiClient> factory, boolean findById) {
      PortalApiClient client = (PortalApiClient) once(name, factory::get);
      return findById ? () -> client.user().findById(ID) : () -> client.user().search(SEARCH);
    }

    /**
     * The {@code UserApi} bean of a Spring Boot application with the starter, configured with
     * properties only: a static token, the stub as base URL, plus {@code extra}.
     */
    private Interleaved.Call starter(String name, boolean findById, List<String> extra) {
      UserApi users =
          (UserApi)
              once(
                  name,
                  () -> {
                    List<String> properties = new ArrayList<>(extra);
                    properties.add("portal.api.base-url=" + base);
                    properties.add("portal.api.auth.token=" + Clients.TOKEN);
                    properties.add("logging.level.root=WARN");
                    properties.add("spring.http.clients.imperative.factory=jdk");
                    ConfigurableApplicationContext context =
                        new SpringApplicationBuilder(StartupBenchmark.App.class)
                            .web(WebApplicationType.NONE)
                            .logStartupInfo(false)
                            .properties(properties.toArray(String[]::new))
                            .run();
                    return context.getBean(UserApi.class);
                  });
      return findById ? () -> users.findById(ID) : () -> users.search(SEARCH);
    }

    private Interleaved.Call rest(
        String name, ClientHttpRequestFactoryBuilder<?> factory, boolean findById) {
      RestClient client = (RestClient) once(name, () -> Clients.restClient(base, factory));
      if (findById) {
        return () ->
            client
                .get()
                .uri("/users/{id}", ID)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(USER_TYPE)
                .data();
      }
      return () ->
          client
              .post()
              .uri("/users/search")
              .accept(MediaType.APPLICATION_JSON)
              .contentType(MediaType.APPLICATION_JSON)
              .body(SEARCH)
              .retrieve()
              .body(PAGE_TYPE);
    }

    /** The same instance for both operations of one client (one connection pool). */
    private Object once(String name, Supplier<Object> factory) {
      Supplier<Object> memo = built.get(name);
      if (memo == null) {
        Object instance = factory.get();
        memo = () -> instance;
        built.put(name, memo);
      }
      return memo.get();
    }

    /**
     * The client's JDK transport without the request path: one request, the body read whole, then
     * decoded. Between raw JDK and the client, it shows what the transport costs and what the links
     * above it cost.
     */
    private User transportFindById() throws Exception {
      TransportRequest request =
          new TransportRequest(
              Endpoints.USER_FIND_BY_ID,
              HttpMethod.GET,
              userUri,
              Map.of("id", ID),
              TRANSPORT_HEADERS,
              null,
              TIMEOUT);
      ApiResponse<User> response = transportSend(request, userType);
      return response.data();
    }

    private ApiPaginatedResponse<User> transportSearch() throws Exception {
      TransportRequest request =
          new TransportRequest(
              Endpoints.USER_SEARCH,
              HttpMethod.POST,
              searchUri,
              Map.of(),
              TRANSPORT_HEADERS,
              RequestBody.of(mapper.writeValueAsBytes(SEARCH), "application/json"),
              TIMEOUT);
      return transportSend(request, pageType);
    }

    private <T> T transportSend(TransportRequest request, JavaType type) throws Exception {
      try (TransportResponse response = transport.exchange(request)) {
        if (response.status() != 200) {
          throw new IllegalStateException("status " + response.status());
        }
        return mapper.readValue(response.body().readAllBytes(), type);
      }
    }

    private User rawFindById(@Nullable Duration timeout) throws Exception {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(userUri)
              .header("Authorization", Clients.BEARER)
              .header("Accept", "application/json")
              .GET();
      if (timeout != null) {
        builder.timeout(timeout);
      }
      HttpRequest request = builder.build();
      ApiResponse<User> response = send(request, userType);
      return response.data();
    }

    private ApiPaginatedResponse<User> rawSearch(@Nullable Duration timeout) throws Exception {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(searchUri)
              .header("Authorization", Clients.BEARER)
              .header("Accept", "application/json")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(SEARCH)));
      if (timeout != null) {
        builder.timeout(timeout);
      }
      return send(builder.build(), pageType);
    }

    private <T> T send(HttpRequest request, JavaType type) throws Exception {
      HttpResponse<InputStream> response =
          httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("status " + response.statusCode());
        }
        return mapper.readValue(body, type);
      }
    }

    private static void check(String name, Object result, boolean findById) {
      List<?> items = new ArrayList<>();
      if (findById) {
        User user = (User) result;
        if (!ID.equals(user.id()) || user.roles().size() != 2 || user.createdAt() == null) {
          throw new IllegalStateException(name + " decoded a different user: " + user);
        }
        return;
      }
      if (result instanceof com.winwinmbs.portal.api.Page<?> page) {
        items = page.items();
      } else if (result instanceof ApiPaginatedResponse<?> response) {
        items = response.data();
      }
      if (items.size() != StubPortal.ITEMS_PER_PAGE) {
        throw new IllegalStateException(name + " decoded " + items.size() + " items");
      }
    }
  }
}
