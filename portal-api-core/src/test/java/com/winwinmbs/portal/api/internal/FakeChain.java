package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.HttpMethod;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One link of the request path under test, with a scripted end of the chain after it: each request
 * that reaches the end is recorded and answered by the next scripted answer (a response, or an
 * exception thrown).
 */
final class FakeChain {

  /** What the end of the chain does with one request. */
  @FunctionalInterface
  interface Answer {
    TransportResponse answer(TransportRequest request) throws IOException;
  }

  static final Endpoint GET = Endpoint.portal("user", "findById", HttpMethod.GET, "/users/{id}");
  static final Endpoint POST = Endpoint.portal("user", "create", HttpMethod.POST, "/users");

  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<TransportRequest> received = new ArrayList<>();
  private Endpoint endpoint = GET;
  private RequestOptions options = RequestOptions.none();
  private List<String> secrets = List.of();
  private boolean replayable = true;
  private boolean streaming;
  private @Nullable TokenSource tokenSource;
  private @Nullable CookieStore cookies;
  private Duration timeout = Duration.ofSeconds(5);
  private @Nullable Duration callTimeout;
  private long maxResponseSize = 1024 * 1024;
  private URI uri = URI.create("https://portal.example.com/users/usr_1");
  private @Nullable Exchange exchange;

  FakeChain endpoint(Endpoint endpoint) {
    this.endpoint = endpoint;
    return this;
  }

  FakeChain options(RequestOptions options) {
    this.options = options;
    return this;
  }

  FakeChain secrets(String... secrets) {
    this.secrets = List.of(secrets);
    return this;
  }

  FakeChain notReplayable() {
    this.replayable = false;
    return this;
  }

  FakeChain streaming() {
    this.streaming = true;
    return this;
  }

  FakeChain tokenSource(TokenSource tokenSource) {
    this.tokenSource = tokenSource;
    return this;
  }

  FakeChain cookies(CookieStore cookies) {
    this.cookies = cookies;
    return this;
  }

  FakeChain timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  FakeChain callTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
    return this;
  }

  FakeChain maxResponseSize(long maxResponseSize) {
    this.maxResponseSize = maxResponseSize;
    return this;
  }

  FakeChain uri(String uri) {
    this.uri = URI.create(uri);
    return this;
  }

  /** Queues the answer to the next request that reaches the end of the chain. */
  FakeChain then(Answer answer) {
    answers.add(answer);
    return this;
  }

  FakeChain thenRespond(int status, String body, String... headers) {
    return then(request -> response(status, body, headers));
  }

  FakeChain thenFail(IOException failure) {
    return then(
        request -> {
          throw failure;
        });
  }

  /** Runs the link on a request with headers {@code headers} (name, value, …). */
  TransportResponse run(PortalInterceptor link, String... headers) throws IOException {
    Headers.Builder builder = Headers.builder();
    for (int i = 0; i < headers.length; i += 2) {
      builder.add(headers[i], headers[i + 1]);
    }
    exchange =
        new Exchange(
            endpoint,
            "/users/usr_1",
            options,
            secrets,
            replayable,
            streaming,
            tokenSource,
            cookies,
            timeout,
            callTimeout,
            maxResponseSize,
            null,
            null);
    TransportRequest request =
        new TransportRequest(
            endpoint,
            endpoint.method(),
            uri,
            Map.of("id", "usr_1"),
            builder.build(),
            null,
            timeout);
    PortalInterceptor end =
        chain -> {
          received.add(chain.request());
          RealChain.exchange(chain).attemptSent(chain.request().headers());
          Answer answer = answers.poll();
          if (answer == null) {
            throw new AssertionError("no answer scripted for request " + received.size());
          }
          TransportResponse response = answer.answer(chain.request());
          RealChain.exchange(chain).answered(response.status(), null);
          return response;
        };
    Exchange outer = exchange.enter();
    try {
      return new RealChain(List.of(link, end), 0, request, exchange).proceed(request);
    } finally {
      Exchange.restore(outer);
    }
  }

  /** The requests that reached the end of the chain, in order. */
  List<TransportRequest> received() {
    return received;
  }

  /** The exchange of the last run. */
  Exchange exchange() {
    if (exchange == null) {
      throw new IllegalStateException("run first");
    }
    return exchange;
  }

  /** A response in memory (headers: name, value, …). */
  static TransportResponse response(int status, String body, String... headers) {
    Headers.Builder builder = Headers.builder();
    for (int i = 0; i < headers.length; i += 2) {
      builder.add(headers[i], headers[i + 1]);
    }
    return TransportResponse.of(status, builder.build(), body.getBytes(StandardCharsets.UTF_8));
  }
}
