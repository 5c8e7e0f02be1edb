package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.user.User;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code user().findById} (1.1 KB) and {@code user().search} (100 users, about 60 KB) through six
 * clients against one loopback stub: this client on its JDK transport and on the RestClient
 * transport, raw RestClient + Jackson (the baseline), raw JDK HttpClient + Jackson, a Spring HTTP
 * interface client and OpenFeign.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class UserBenchmark {

  private static final String ID = Clients.USER_ID;
  private static final SearchRequest SEARCH = Clients.SEARCH;
  private static final ParameterizedTypeReference<ApiResponse<User>> USER_TYPE =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<ApiPaginatedResponse<User>> PAGE_TYPE =
      new ParameterizedTypeReference<>() {};

  private StubPortal stub;
  private PortalApiClient portalJdk;
  private PortalApiClient portalRestClient;
  private RestClient restClient;
  private HttpClient httpClient;
  private JsonMapper mapper;
  private JavaType userType;
  private JavaType pageType;
  private URI userUri;
  private URI searchUri;
  private Clients.UserExchange httpInterface;
  private Clients.UserFeign feign;
  private long requestsAtStart;
  private long serverBytesAtStart;

  @Setup
  public void setUp() throws IOException {
    stub = StubPortal.start(4, 1);
    String base = stub.baseUrl();
    portalJdk = Clients.portalOnJdk(base);
    portalRestClient = Clients.portalOnRestClient(base);
    restClient = Clients.restClient(base);
    httpClient = Clients.jdkHttpClient();
    mapper = Clients.mapper();
    userType = mapper.getTypeFactory().constructParametricType(ApiResponse.class, User.class);
    pageType =
        mapper.getTypeFactory().constructParametricType(ApiPaginatedResponse.class, User.class);
    userUri = URI.create(base + "/users/" + ID);
    searchUri = URI.create(base + "/users/search");
    httpInterface = Clients.httpInterface(base);
    feign = Clients.feign(base);
    // Every client must decode the same records before anything is timed.
    check(portalJdk.user().findById(ID));
    check(portalRestClient.user().findById(ID));
    check(restClientFindById());
    check(jdkHttpClientFindById());
    check(httpInterfaceFindById());
    check(feignFindById());
    checkPage(portalJdk.user().search(SEARCH).items().size());
    checkPage(portalRestClient.user().search(SEARCH).items().size());
    checkPage(restClientSearch().data().size());
    checkPage(jdkHttpClientSearch().data().size());
    checkPage(httpInterfaceSearch().data().size());
    checkPage(feignSearch().data().size());
  }

  @Setup(Level.Iteration)
  public void markServer() {
    requestsAtStart = stub.requests();
    serverBytesAtStart = stub.serverAllocatedBytes();
  }

  /** The server's own allocation per request, to subtract from gc.alloc.rate.norm. */
  @TearDown(Level.Iteration)
  public void reportServer() {
    long requests = stub.requests() - requestsAtStart;
    long bytes = stub.serverAllocatedBytes() - serverBytesAtStart;
    if (requests > 0) {
      System.out.printf(
          "%n[stub] %d requests, server allocated %d B/request%n", requests, bytes / requests);
    }
  }

  @TearDown
  public void tearDown() {
    stub.close();
  }

  private static void check(User user) {
    if (!ID.equals(user.id()) || user.roles().size() != 2 || user.createdAt() == null) {
      throw new IllegalStateException("decoded a different user: " + user);
    }
  }

  private static void checkPage(int items) {
    if (items != StubPortal.ITEMS_PER_PAGE) {
      throw new IllegalStateException("decoded " + items + " items");
    }
  }

  // findById

  @Benchmark
  public User findById_portalJdkTransport() {
    return portalJdk.user().findById(ID);
  }

  @Benchmark
  public User findById_portalRestClientTransport() {
    return portalRestClient.user().findById(ID);
  }

  @Benchmark
  public User findById_rawRestClientJackson() {
    return restClientFindById();
  }

  @Benchmark
  public User findById_rawJdkHttpClientJackson() {
    return jdkHttpClientFindById();
  }

  @Benchmark
  public User findById_springHttpInterface() {
    return httpInterfaceFindById();
  }

  @Benchmark
  public User findById_openFeign() {
    return feignFindById();
  }

  // search

  @Benchmark
  public Page<User> search_portalJdkTransport() {
    return portalJdk.user().search(SEARCH);
  }

  @Benchmark
  public Page<User> search_portalRestClientTransport() {
    return portalRestClient.user().search(SEARCH);
  }

  @Benchmark
  public ApiPaginatedResponse<User> search_rawRestClientJackson() {
    return restClientSearch();
  }

  @Benchmark
  public ApiPaginatedResponse<User> search_rawJdkHttpClientJackson() {
    return jdkHttpClientSearch();
  }

  @Benchmark
  public ApiPaginatedResponse<User> search_springHttpInterface() {
    return httpInterfaceSearch();
  }

  @Benchmark
  public ApiPaginatedResponse<User> search_openFeign() {
    return feignSearch();
  }

  private User restClientFindById() {
    ApiResponse<User> response =
        restClient
            .get()
            .uri("/users/{id}", ID)
            .accept(org.springframework.http.MediaType.APPLICATION_JSON)
            .retrieve()
            .body(USER_TYPE);
    return response.data();
  }

  private ApiPaginatedResponse<User> restClientSearch() {
    return restClient
        .post()
        .uri("/users/search")
        .accept(org.springframework.http.MediaType.APPLICATION_JSON)
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(SEARCH)
        .retrieve()
        .body(PAGE_TYPE);
  }

  private User jdkHttpClientFindById() {
    HttpRequest request =
        HttpRequest.newBuilder(userUri)
            .header("Authorization", Clients.BEARER)
            .header("Accept", "application/json")
            .GET()
            .build();
    ApiResponse<User> response = send(request, userType);
    return response.data();
  }

  private ApiPaginatedResponse<User> jdkHttpClientSearch() {
    HttpRequest request =
        HttpRequest.newBuilder(searchUri)
            .header("Authorization", Clients.BEARER)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(SEARCH)))
            .build();
    return send(request, pageType);
  }

  private <T> T send(HttpRequest request, JavaType type) {
    try {
      HttpResponse<InputStream> response =
          httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("status " + response.statusCode());
        }
        return mapper.readValue(body, type);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private User httpInterfaceFindById() {
    return httpInterface.findById(ID).data();
  }

  private ApiPaginatedResponse<User> httpInterfaceSearch() {
    return httpInterface.search(SEARCH);
  }

  private User feignFindById() {
    return feign.findById(ID).data();
  }

  private ApiPaginatedResponse<User> feignSearch() {
    return feign.search(SEARCH);
  }
}
