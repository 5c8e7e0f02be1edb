package com.winwinmbs.portal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.testing.TestClients;
import com.winwinmbs.portal.api.user.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The application's interceptors, over real HTTP. */
@WireMockTest
class PortalInterceptorTests {

  private static final String USER = "{\"success\":true,\"data\":{\"id\":\"usr_1\"}}";

  @Test
  void aCallInterceptorSeesEachCallOnceAndItsHeaderArrivesOnEveryAttempt(WireMockRuntimeInfo wm) {
    failOnceThen(wm, "/users/usr_1", USER);
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicInteger correlation = new AtomicInteger();
    PortalInterceptor correlationId =
        chain -> {
          seen.add(chain.request().uriTemplate() + " attempt=" + chain.attempt());
          TransportResponse response =
              chain.proceed(
                  chain
                      .request()
                      .withHeader("X-Correlation-Id", "corr-" + correlation.incrementAndGet()));
          seen.add("status=" + response.status() + " after=" + chain.attempt());
          return response;
        };
    PortalApiClient portal = TestClients.builder(wm).addInterceptor(correlationId).build();

    User user = portal.user().findById("usr_1");

    assertThat(user.id()).isEqualTo("usr_1");
    assertThat(seen).containsExactly("/users/{id} attempt=0", "status=200 after=2");
    wm.getWireMock()
        .verifyThat(
            2,
            getRequestedFor(urlEqualTo("/users/usr_1"))
                .withHeader("X-Correlation-Id", equalTo("corr-1")));
  }

  @Test
  void aCallInterceptorDoesNotSeeTheCredentials(WireMockRuntimeInfo wm) {
    stub(wm, "/users/usr_1", USER);
    List<Headers> seen = new CopyOnWriteArrayList<>();
    PortalApiClient portal =
        TestClients.builder(wm)
            .addInterceptor(
                chain -> {
                  seen.add(chain.request().headers());
                  return chain.proceed(chain.request());
                })
            .build();

    portal.user().findById("usr_1");

    assertThat(seen).singleElement().satisfies(h -> assertThat(h.first("Authorization")).isEmpty());
  }

  @Test
  void anAttemptInterceptorSeesEveryRequestWithItsTokenAndCanSignIt(WireMockRuntimeInfo wm) {
    failOnceThen(wm, "/users/usr_1", USER);
    List<String> seen = new CopyOnWriteArrayList<>();
    PortalInterceptor signer =
        new PortalInterceptor() {
          @Override
          public TransportResponse intercept(Chain chain) throws IOException {
            String authorization = chain.request().headers().first("Authorization").orElse("");
            seen.add("attempt " + (chain.attempt() + 1));
            return chain.proceed(
                chain
                    .request()
                    .withHeader("X-Signature", Integer.toHexString(authorization.hashCode())));
          }

          @Override
          public Position position() {
            return Position.ATTEMPT;
          }
        };
    PortalApiClient portal = TestClients.builder(wm).addInterceptor(signer).build();

    portal.user().findById("usr_1");

    assertThat(seen).containsExactly("attempt 1", "attempt 2");
    String signature = Integer.toHexString(("Bearer " + TestClients.TOKEN).hashCode());
    wm.getWireMock()
        .verifyThat(
            2,
            getRequestedFor(urlEqualTo("/users/usr_1"))
                .withHeader("X-Signature", equalTo(signature)));
  }

  @Test
  void aCallInterceptorCanAnswerWithoutSending(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm)
            .addInterceptor(
                chain ->
                    TransportResponse.of(
                        200,
                        Headers.builder().set("Content-Type", "application/json").build(),
                        "{\"success\":true,\"data\":{\"id\":\"cached\"}}"
                            .getBytes(StandardCharsets.UTF_8)))
            .build();

    assertThat(portal.user().findById("usr_1").id()).isEqualTo("cached");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aShortCircuitedErrorIsThrownAsTheRoutesException(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm)
            .addInterceptor(
                chain ->
                    TransportResponse.of(
                        404,
                        Headers.empty(),
                        "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"nope\"}}"
                            .getBytes(StandardCharsets.UTF_8)))
            .build();

    assertThatExceptionOfType(NotFoundException.class)
        .isThrownBy(() -> portal.user().findById("usr_1"))
        .withMessageStartingWith("404 NOT_FOUND: nope");
  }

  @Test
  void interceptorsRunInTheOrderAddedAndCallOnesBeforeAttemptOnes(WireMockRuntimeInfo wm) {
    stub(wm, "/users/usr_1", USER);
    List<String> order = new CopyOnWriteArrayList<>();
    PortalApiClient portal =
        TestClients.builder(wm)
            .addInterceptor(attempt("attempt-a", order))
            .addInterceptor(call("call-a", order))
            .addInterceptor(call("call-b", order))
            .addInterceptor(attempt("attempt-b", order))
            .build();

    portal.user().findById("usr_1");

    assertThat(order).containsExactly("call-a", "call-b", "attempt-a", "attempt-b");
  }

  @Test
  void anIoExceptionOfAnAttemptInterceptorIsRetriedLikeATransportFailure(WireMockRuntimeInfo wm) {
    stub(wm, "/users/usr_1", USER);
    AtomicInteger calls = new AtomicInteger();
    PortalApiClient portal =
        TestClients.builder(wm)
            .addInterceptor(
                new PortalInterceptor() {
                  @Override
                  public TransportResponse intercept(Chain chain) throws IOException {
                    if (calls.incrementAndGet() == 1) {
                      throw new IOException("signing service unreachable");
                    }
                    return chain.proceed(chain.request());
                  }

                  @Override
                  public Position position() {
                    return Position.ATTEMPT;
                  }
                })
            .build();

    assertThat(portal.user().findById("usr_1").id()).isEqualTo("usr_1");
    assertThat(calls).hasValue(2);
  }

  @Test
  void aRuntimeExceptionOfAnInterceptorEndsTheCallAsIs(WireMockRuntimeInfo wm) {
    PortalApiClient portal =
        TestClients.builder(wm)
            .addInterceptor(
                chain -> {
                  throw new IllegalStateException("audit store is down");
                })
            .build();

    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> portal.user().findById("usr_1"))
        .withMessage("audit store is down");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  private static PortalInterceptor call(String name, List<String> order) {
    return chain -> {
      order.add(name);
      return chain.proceed(chain.request());
    };
  }

  private static PortalInterceptor attempt(String name, List<String> order) {
    return new PortalInterceptor() {
      @Override
      public TransportResponse intercept(Chain chain) throws IOException {
        order.add(name);
        return chain.proceed(chain.request());
      }

      @Override
      public Position position() {
        return Position.ATTEMPT;
      }
    };
  }

  private static void stub(WireMockRuntimeInfo wm, String url, String body) {
    wm.getWireMock()
        .register(
            get(url)
                .willReturn(
                    aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static void failOnceThen(WireMockRuntimeInfo wm, String url, String body) {
    wm.getWireMock()
        .register(
            get(url)
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
    wm.getWireMock()
        .register(
            get(url)
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(
                    aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }
}
