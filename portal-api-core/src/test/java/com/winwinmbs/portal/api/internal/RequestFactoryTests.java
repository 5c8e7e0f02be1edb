package com.winwinmbs.portal.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.testing.TestClients;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFactoryTests {

  /** A value Jackson cannot write: its only property fails. */
  static final class Unwritable {
    public String getName() {
      throw new IllegalStateException("no name");
    }
  }

  private final RequestFactory requests =
      new RequestFactory(
          TestClients.executor(
                  PortalApiClient.builder()
                      .apiUrl("https://portal.example.com/api/v1")
                      .tokenSource(TokenSource.of("tok"))
                      .userAgent("billing/2.3")
                      .tenantId("tenant-7")
                      .build())
              .settings());

  @Test
  void aCallWithoutOptionsOfItsOwnSharesTheClientsHeaders() {
    Headers first = requests.headers(RequestOptions.none(), null, Map.of());
    Headers second = requests.headers(RequestOptions.none(), null, Map.of());

    assertThat(second).isSameAs(first);
    assertThat(first.first("Accept")).contains("application/json");
    assertThat(first.first("User-Agent"))
        .hasValueSatisfying(ua -> assertThat(ua).endsWith(" billing/2.3"));
    assertThat(first.first("X-Tenant-Id")).contains("tenant-7");
    assertThat(first.first("Content-Type")).isEmpty();
  }

  @Test
  void optionsReplaceTheSharedHeadersForThatCallOnly() {
    RequestOptions options =
        RequestOptions.builder()
            .tenantId("tenant-9")
            .idempotencyKey("key-1")
            .header("User-Agent", "override/1")
            .header("X-Correlation-Id", "c-1")
            .build();

    Headers headers =
        requests.headers(options, RequestBody.of(new byte[] {1}, "application/json"), Map.of());

    assertThat(headers.first("X-Tenant-Id")).contains("tenant-9");
    assertThat(headers.first("Idempotency-Key")).contains("key-1");
    assertThat(headers.values("User-Agent")).containsExactly("override/1");
    assertThat(headers.first("X-Correlation-Id")).contains("c-1");
    assertThat(headers.first("Content-Type")).contains("application/json");
    assertThat(requests.headers(RequestOptions.none(), null, Map.of()).first("X-Tenant-Id"))
        .contains("tenant-7");
  }

  @Test
  void tracingHeadersAreAddedWithoutChangingTheSharedOnes() {
    Headers traced =
        requests.headers(
            RequestOptions.none(), null, Map.of("traceparent", "00-abc-def-01", "Accept", "x/y"));

    assertThat(traced.first("traceparent")).contains("00-abc-def-01");
    assertThat(traced.values("Accept")).containsExactly("x/y");
    Headers plain = requests.headers(RequestOptions.none(), null, Map.of());
    assertThat(plain.first("traceparent")).isEmpty();
    assertThat(plain.values("Accept")).containsExactly("application/json");
  }

  @Test
  void theUriCarriesTheExpandedPathAndTheEncodedQuery() {
    Call call = Call.to(Endpoints.USER_FIND_BY_ID).query("q", "a b&c").query("page", 2);

    assertThat(requests.uri(call, "/users/u-1"))
        .isEqualTo(URI.create("https://portal.example.com/api/v1/users/u-1?q=a%20b%26c&page=2"));
  }

  @Test
  void aJsonValueThatCannotBeWrittenNamesTheRoute() {
    Call call = Call.to(Endpoints.USER_CREATE).json(new Unwritable());

    assertThatThrownBy(() -> RequestFactory.body(call))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("request body of " + Endpoints.USER_CREATE.id() + " could not");
  }
}
