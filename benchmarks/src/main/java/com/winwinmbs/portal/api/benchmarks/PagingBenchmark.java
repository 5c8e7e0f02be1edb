package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.user.User;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * 100,000 users in 1,000 pages of 100 through {@code user().searchAll} in a 64 MB heap, against a
 * hand-written page loop on raw RestClient + Jackson. One operation is the whole iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class PagingBenchmark {

  static final int PAGES = 1_000;
  static final long ITEMS = (long) PAGES * StubPortal.ITEMS_PER_PAGE;

  private static final ParameterizedTypeReference<ApiPaginatedResponse<User>> PAGE_TYPE =
      new ParameterizedTypeReference<>() {};

  private StubPortal stub;
  private PortalApiClient portal;
  private RestClient restClient;

  @Setup
  public void setUp() throws IOException {
    stub = StubPortal.start(2, PAGES);
    portal = Clients.portalOnJdk(stub.baseUrl());
    restClient = Clients.restClient(stub.baseUrl());
  }

  @TearDown
  public void tearDown() {
    stub.close();
  }

  @Benchmark
  public long searchAll_portal() {
    long count;
    try (Stream<User> users =
        portal.user().searchAll(SearchRequest.builder().limit(StubPortal.ITEMS_PER_PAGE).build())) {
      count = users.filter(user -> !user.id().isEmpty()).count(); // a filter: no SIZED shortcut
    }
    requireAll(count);
    return count;
  }

  @Benchmark
  public long pageLoop_rawRestClientJackson() {
    long count = 0;
    for (int page = 1; ; page++) {
      ApiPaginatedResponse<User> response =
          restClient
              .post()
              .uri("/users/search")
              .accept(MediaType.APPLICATION_JSON)
              .contentType(MediaType.APPLICATION_JSON)
              .body(SearchRequest.builder().page(page).limit(StubPortal.ITEMS_PER_PAGE).build())
              .retrieve()
              .body(PAGE_TYPE);
      count += response.data().size();
      if (response.data().isEmpty() || page >= response.pagination().totalPages()) {
        break;
      }
    }
    requireAll(count);
    return count;
  }

  private static void requireAll(long count) {
    if (count != ITEMS) {
      throw new IllegalStateException("iterated " + count + " users, expected " + ITEMS);
    }
  }
}
