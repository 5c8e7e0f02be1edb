package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.RateLimit;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.http.UriTemplates;
import com.winwinmbs.portal.api.observation.DefaultPortalObservationConvention;
import com.winwinmbs.portal.api.observation.PortalObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;

/**
 * The entrance of the request path: every call of every namespace comes here as a {@link Call}. It
 * builds the request ({@link RequestFactory}), observes the logical call, runs it through the
 * client's chain of links and decodes the result ({@link ResponseDecoder}) or the failure ({@link
 * ErrorMapper}, {@link TransportFailures}). The chain, in order:
 *
 * <ol>
 *   <li>the application's interceptors at {@code CALL}
 *   <li>{@link RetryInterceptor}: 429 waits, 5xx and I/O backoff
 *   <li>{@link BearerTokenInterceptor}: the token, one refresh on 401
 *   <li>{@link SessionCookieInterceptor}: a session's cookies
 *   <li>the application's interceptors at {@code ATTEMPT}
 *   <li>{@link PlainHttpGuardInterceptor}: no credential over plain http (where it applies)
 *   <li>{@link RateLimitInterceptor}: {@code X-RateLimit-*}
 *   <li>{@link BodyInterceptor}: the body read within time and size bounds
 *   <li>{@link TransportInterceptor}: one request through the transport
 * </ol>
 */
public final class RequestExecutor {

  private static final Logger log =
      LoggerFactory.getLogger("com.winwinmbs.portal.api.PortalApiClient");

  private final ClientSettings settings;
  private final List<PortalInterceptor> links;
  private final RateLimitInterceptor rateLimits = new RateLimitInterceptor();
  private final ResponseDecoder decoder = new ResponseDecoder();
  private final RequestFactory requests;

  public RequestExecutor(ClientSettings settings) {
    this.settings = settings;
    List<PortalInterceptor> chain = new ArrayList<>();
    List<PortalInterceptor> perAttempt = new ArrayList<>();
    for (PortalInterceptor interceptor : settings.interceptors()) {
      (interceptor.position() == PortalInterceptor.Position.ATTEMPT ? perAttempt : chain)
          .add(interceptor);
    }
    chain.add(new RetryInterceptor(settings.retryPolicy(), settings.sleeper(), settings.clock()));
    chain.add(new BearerTokenInterceptor());
    chain.add(new SessionCookieInterceptor());
    chain.addAll(perAttempt);
    URI base = URI.create(settings.baseUrl());
    if (!settings.allowInsecureHttp()
        && "http".equalsIgnoreCase(base.getScheme())
        && !Urls.isLoopback(base)) {
      chain.add(new PlainHttpGuardInterceptor());
    }
    chain.add(rateLimits);
    chain.add(new BodyInterceptor());
    chain.add(new TransportInterceptor(settings.transport()));
    this.links = List.copyOf(chain);
    this.requests = new RequestFactory(settings);
  }

  public ClientSettings settings() {
    return settings;
  }

  /** The rate-limit state of the most recent response that reported one. */
  public Optional<RateLimit> lastRateLimit() {
    return rateLimits.last();
  }

  /** Sends the call and decodes the payload, unwrapping the envelope when the route has one. */
  public <T> T execute(Call call, Class<T> type) {
    return execute(call, PortalJson.MAPPER.constructType(type));
  }

  /** Sends the call and decodes the payload as a generic type. */
  public <T> T execute(Call call, JavaType type) {
    return send(call, decoder.payload(call.endpoint(), type), false);
  }

  /** Sends the call of a list route and returns the page. */
  public <T> Page<T> executePage(Call call, Class<T> itemType) {
    return send(call, decoder.page(call.endpoint(), itemType), false);
  }

  /** Sends the call and discards the payload (a portal envelope must still report success). */
  public void executeVoid(Call call) {
    send(call, decoder.none(call.endpoint()), false);
  }

  /**
   * Sends the call and hands back the open response of a 2xx, for streaming its body; the caller
   * closes it. Errors are read and thrown as usual.
   */
  public TransportResponse executeStreaming(Call call) {
    return send(call, response -> response, true);
  }

  /** Reads a 2xx response; may throw {@link IOException}. */
  @FunctionalInterface
  public interface ResponseReader<T> {
    T read(TransportResponse response) throws IOException;
  }

  /**
   * Sends the call and reads a 2xx response with the reader, then closes it (unless the reader
   * hands the response itself on). A streamed response's body reaches the reader as it arrives,
   * bounded by the idle timeout rather than read into memory first; any other is in memory already.
   */
  @SuppressWarnings("try") // the scope is only opened, to make the observation current
  public <T> T send(Call call, ResponseReader<T> reader, boolean streaming) {
    Endpoint endpoint = call.endpoint();
    RequestOptions options = call.options();
    String path = UriTemplates.expand(endpoint, call.pathVariables());
    URI uri = requests.uri(call, path);
    RequestBody body = RequestFactory.body(call);
    ObservationRegistry registry = settings.observationRegistry();
    PortalObservationContext context = null;
    Observation observation = Observation.NOOP;
    if (!registry.isNoop()) { // without a handler nothing would read the context: none is made
      PortalObservationContext observed = new PortalObservationContext(endpoint, path);
      context = observed;
      observation =
          Observation.createNotStarted(
                  settings.observationConvention(),
                  DefaultPortalObservationConvention.INSTANCE,
                  () -> observed,
                  registry)
              .start();
    }
    // tracing headers a handler propagated on start: the same on every attempt
    Map<String, String> tracing = context == null ? null : context.getCarrier();
    Headers headers = requests.headers(options, body, tracing == null ? Map.of() : tracing);
    Exchange exchange =
        new Exchange(
            endpoint,
            path,
            options,
            call.secrets(),
            body == null || body.isRepeatable(),
            streaming,
            tokenSource(options),
            call.cookies(),
            options.timeout().orElse(settings.timeout()),
            options.callTimeout().orElse(settings.callTimeout()),
            options.maxResponseSize().orElse(settings.maxResponseSize()),
            observation,
            context);
    TransportRequest request =
        new TransportRequest(
            endpoint,
            endpoint.method(),
            uri,
            call.pathVariables(),
            headers,
            body,
            exchange.attemptTimeout());
    long started = System.nanoTime();
    Exchange outer = exchange.enter();
    try (Observation.Scope scope = observation.openScope()) {
      TransportResponse response;
      try {
        response = new RealChain(links, 0, request, exchange).proceed(request);
      } catch (IOException e) {
        throw TransportFailures.toException(e, exchange);
      }
      T result = complete(response, reader, exchange);
      logCall(exchange, started, null);
      return result;
    } catch (RuntimeException | Error e) {
      observation.error(e);
      logCall(exchange, started, e);
      throw e;
    } finally {
      Exchange.restore(outer);
      observation.stop();
    }
  }

  private <T> T complete(TransportResponse response, ResponseReader<T> reader, Exchange exchange) {
    int status = response.status();
    if (status < 200 || status >= 300) {
      closeQuietly(response);
      throw ErrorMapper.toException(response, exchange, settings.clock().instant());
    }
    boolean close = true;
    try {
      T result = reader.read(response);
      close = result != response; // a streamed response handed on is closed by its new owner
      return result;
    } catch (ResponseDecoder.Unsuccessful e) {
      throw ErrorMapper.unsuccessful(exchange, status, e.envelopeMessage);
    } catch (IOException e) {
      close = true;
      throw TransportFailures.toException(e, exchange);
    } catch (RuntimeException | Error e) {
      close = true;
      throw e;
    } finally {
      if (close) {
        closeQuietly(response);
      }
    }
  }

  /** Where the route's path is appended: the base URL, and the guide's prefix for its routes. */
  public String baseUrl(Endpoint endpoint) {
    return requests.baseUrl(endpoint);
  }

  /** The call's own token source, else the client's; none when it brings its own header. */
  private @Nullable TokenSource tokenSource(RequestOptions options) {
    if (options.headers().first("Authorization").isPresent()) {
      return null;
    }
    return options.tokenSource().orElse(settings.tokenSource());
  }

  /**
   * What a reader throws for a 2xx whose envelope says {@code success: false}: the request path
   * turns it into the call's exception, with the request's credentials cut out of the message.
   */
  public static RuntimeException unsuccessfulEnvelope(@Nullable String message) {
    return new ResponseDecoder.Unsuccessful(message);
  }

  /**
   * The exception for a 2xx response that could not be read as {@code what} ({@code "User: the body
   * is empty"}), code {@code DECODE_ERROR}; the message never quotes the body.
   */
  public static PortalApiException decodeFailure(
      TransportResponse response, Endpoint endpoint, String what, @Nullable Throwable cause) {
    return ResponseDecoder.decodeFailure(response, endpoint, what);
  }

  private static void logCall(Exchange exchange, long started, @Nullable Throwable error) {
    if (!log.isDebugEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    String requestId =
        error instanceof PortalApiException portal && portal.requestId() != null
            ? portal.requestId()
            : exchange.requestId();
    log.debug(
        "{} {} -> {} in {} ms (attempts={}{}{})",
        exchange.endpoint.method(),
        exchange.endpoint.uriTemplate(),
        exchange.status() == 0 ? "no response" : exchange.status(),
        millis,
        exchange.attempts(),
        requestId == null ? "" : ", requestId=" + requestId,
        error == null ? "" : ", error=" + error.getClass().getSimpleName());
  }

  private static void closeQuietly(TransportResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // the result is already read; a failing close loses nothing
    }
  }
}
