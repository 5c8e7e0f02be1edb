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

/** Every client, built once against the stub and checked to decode the same records. */
final class LoadClients {

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

  private final String base;
  private final Map<String, Supplier<Object>> built = new LinkedHashMap<>();
  private final JsonMapper mapper = Clients.mapper();
  private final HttpClient httpClient = Clients.jdkHttpClient();
  private final JdkHttpTransport transport = JdkHttpTransport.create(Clients.jdkHttpClient());
  private final JavaType userType;
  private final JavaType pageType;
  private final URI userUri;
  private final URI searchUri;

  LoadClients(String base) {
    this.base = base;
    this.userType = mapper.getTypeFactory().constructParametricType(ApiResponse.class, User.class);
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
                  () -> Clients.portalOnRestClient(base, ClientHttpRequestFactoryBuilder.reactor()),
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
          case "rest-apache" -> rest(name, ClientHttpRequestFactoryBuilder.httpComponents(), find);
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
