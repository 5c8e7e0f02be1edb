package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.RateLimit;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.RetryPolicy;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.http.UriTemplates;
import com.winwinmbs.portal.api.observation.DefaultPortalObservationConvention;
import com.winwinmbs.portal.api.observation.PortalObservationContext;
import io.micrometer.observation.Observation;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * The one request path: every namespace method of every client ends here. It expands the route,
 * adds the headers and credentials, observes the logical call, runs the attempt loop (token refresh
 * on 401, waits on 429, backoff on 5xx and I/O failures for idempotent requests) and decodes the
 * result or the error.
 */
public final class RequestExecutor {

  private static final Logger log =
      LoggerFactory.getLogger("com.winwinmbs.portal.api.PortalApiClient");
  private static final String JSON = "application/json";
  private static final Observation.Event RETRY_EVENT =
      Observation.Event.of("retries", "a failed attempt was retried");
  private static final Observation.Event REFRESH_EVENT =
      Observation.Event.of(
          "token.refreshes", "a rejected token was replaced and the request sent again");

  private final ClientSettings settings;

  /**
   * Whether the base URL is plain http to a host that is not loopback, and that was not allowed: a
   * client built without credentials may still be handed some per call (a token source, an {@code
   * Authorization} header, a session's cookie, a login's password), and they must not go out.
   */
  private final boolean plainHttpRefused;

  private final AtomicReference<@Nullable RateLimit> lastRateLimit = new AtomicReference<>();
  private final Map<Class<?>, JavaType> singleTypes = new ConcurrentHashMap<>();
  private final Map<Class<?>, JavaType> pageTypes = new ConcurrentHashMap<>();

  public RequestExecutor(ClientSettings settings) {
    this(settings, false);
  }

  /**
   * @param allowInsecureHttp whether credentials may go over plain http to a host that is not
   *     loopback
   */
  public RequestExecutor(ClientSettings settings, boolean allowInsecureHttp) {
    this.settings = settings;
    URI base = URI.create(settings.baseUrl());
    this.plainHttpRefused =
        !allowInsecureHttp && "http".equalsIgnoreCase(base.getScheme()) && !Urls.isLoopback(base);
  }

  public ClientSettings settings() {
    return settings;
  }

  /** The rate-limit state of the most recent response that reported one. */
  public Optional<RateLimit> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /**
   * Sends the call and decodes the payload (unwrapping the portal envelope when the route uses
   * one).
   */
  public <T> T execute(Call call, Class<T> type) {
    return execute(call, PortalJson.MAPPER.constructType(type));
  }

  /** Sends the call and decodes the payload as a generic type. */
  public <T> T execute(Call call, JavaType type) {
    Endpoint endpoint = call.endpoint();
    if (!endpoint.envelope()) {
      return send(
          call,
          response -> {
            T body = readJson(response, type, endpoint);
            if (body == null) {
              throw decodeFailure(response, endpoint, type, "the body is JSON null", null);
            }
            return body;
          },
          false);
    }
    JavaType envelope =
        type.getRawClass() == Object.class || !type.getBindings().isEmpty()
            ? PortalJson.MAPPER.getTypeFactory().constructParametricType(ApiResponse.class, type)
            : singleTypes.computeIfAbsent(
                type.getRawClass(),
                raw ->
                    PortalJson.MAPPER
                        .getTypeFactory()
                        .constructParametricType(ApiResponse.class, type));
    return send(
        call,
        response -> {
          if (response.status() == 204) {
            return null; // No Content: there is no payload to unwrap
          }
          ApiResponse<T> body = readJson(response, envelope, endpoint);
          if (body == null || !body.success()) {
            throw new UnsuccessfulEnvelope(body == null ? null : body.message());
          }
          if (body.data() instanceof List<?> list && list.contains(null)) {
            throw decodeFailure(response, endpoint, envelope, "a list item is null", null);
          }
          return body.data();
        },
        false);
  }

  /** Sends the call of a list route and returns the page. */
  public <T> Page<T> executePage(Call call, Class<T> itemType) {
    Endpoint endpoint = call.endpoint();
    JavaType envelope =
        pageTypes.computeIfAbsent(
            itemType,
            raw ->
                PortalJson.MAPPER
                    .getTypeFactory()
                    .constructParametricType(ApiPaginatedResponse.class, raw));
    return send(
        call,
        response -> {
          ApiPaginatedResponse<T> body = readJson(response, envelope, endpoint);
          if (body == null || !body.success()) {
            throw new UnsuccessfulEnvelope(body == null ? null : body.message());
          }
          List<T> items = body.data() == null ? List.of() : body.data();
          if (items.contains(null)) {
            throw decodeFailure(response, endpoint, envelope, "a list item is null", null);
          }
          Pagination pagination =
              body.pagination() != null
                  ? body.pagination()
                  : new Pagination(1, items.size(), items.size(), 1);
          return new Page<>(items, pagination);
        },
        false);
  }

  /** Sends the call and discards the payload (a portal envelope must still report success). */
  public void executeVoid(Call call) {
    Endpoint endpoint = call.endpoint();
    send(
        call,
        response -> {
          if (endpoint.envelope()) {
            // a 204, or any 2xx without a body, is a success; an envelope that is there must say
            // success
            PushbackInputStream in = new PushbackInputStream(response.body(), 1);
            int first = in.read();
            if (first == -1) {
              in.close();
              return null;
            }
            in.unread(first);
            ApiResponse<Object> body =
                readJson(
                    in, response, PortalJson.MAPPER.constructType(ApiResponse.class), endpoint);
            if (body != null && !body.success()) {
              throw new UnsuccessfulEnvelope(body.message());
            }
          } else {
            try (InputStream in = response.body()) {
              in.transferTo(OutputStreamDiscard.INSTANCE);
            }
          }
          return null;
        },
        false);
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
   * Sends the call and reads a 2xx response with the reader (which closes nothing when {@code
   * streaming}).
   */
  @SuppressWarnings(
      "try") // the scope is only opened, to make the observation current for the attempts
  public <T> T send(Call call, ResponseReader<T> reader, boolean streaming) {
    Endpoint endpoint = call.endpoint();
    RequestOptions options = call.options();
    String path = UriTemplates.expand(endpoint, call.pathVariables());
    URI uri = URI.create(settings.baseUrl() + path + queryString(call.query()));
    RequestBody body = body(call);
    Headers.Builder base = baseHeaders(options, body);
    Headers baseHeaders = base.build(); // validates option headers before anything is sent

    PortalObservationContext context = new PortalObservationContext(endpoint, path);
    Observation observation =
        Observation.createNotStarted(
                settings.observationConvention(),
                DefaultPortalObservationConvention.INSTANCE,
                () -> context,
                settings.observationRegistry())
            .start();
    long started = System.nanoTime();
    try (Observation.Scope scope = observation.openScope()) {
      T result =
          attempts(
              call,
              endpoint,
              uri,
              path,
              body,
              baseHeaders,
              context,
              observation,
              reader,
              streaming);
      logCall(endpoint, path, context, started, null);
      return result;
    } catch (RuntimeException | Error e) {
      observation.error(e);
      logCall(endpoint, path, context, started, e);
      throw e;
    } finally {
      observation.stop();
    }
  }

  private <T> T attempts(
      Call call,
      Endpoint endpoint,
      URI uri,
      String path,
      @Nullable RequestBody body,
      Headers baseHeaders,
      PortalObservationContext context,
      Observation observation,
      ResponseReader<T> reader,
      boolean streaming) {
    RetryPolicy policy = settings.retryPolicy();
    RequestOptions options = call.options();
    boolean replayable = body == null || body.isRepeatable();
    boolean idempotent = endpoint.idempotent() || options.idempotencyKey().isPresent();
    boolean callerAuthorization = options.headers().first("Authorization").isPresent();
    TokenSource tokenSource =
        callerAuthorization ? null : options.tokenSource().orElse(settings.tokenSource());
    Duration timeout = options.timeout().orElse(settings.timeout());
    String method = endpoint.method().name();
    int attempt = 0;
    int retries = 0;
    boolean refreshed = false;
    while (true) {
      attempt++;
      // what the previous attempt received must not describe this one (a 503, then a timeout)
      context.setResponse(null);
      context.setRequestId(null);
      String token = tokenSource == null ? null : tokenSource.token().orElse(null);
      Headers.Builder headers = baseHeaders.toBuilder();
      context.getCarrier().forEach(headers::set);
      if (token != null) {
        headers.set("Authorization", "Bearer " + token);
      }
      TransportRequest request =
          new TransportRequest(
              endpoint,
              endpoint.method(),
              uri,
              call.pathVariables(),
              headers.build(),
              body,
              timeout);
      if (plainHttpRefused && carriesCredentials(request, call)) {
        Urls.requireSecure(uri, "apiUrl", "the credentials of " + endpoint.id(), false);
      }
      if (log.isTraceEnabled()) {
        log.trace(
            "{} {} attempt {} headers={}",
            method,
            endpoint.uriTemplate(),
            attempt,
            request.headers());
      }
      // counted once the request goes out: a token source or a refusal that fails first made none
      context.setAttempts(attempt);
      TransportResponse response;
      long attemptStarted = System.nanoTime();
      try {
        response = settings.transport().exchange(request);
      } catch (IOException e) {
        List<String> secrets = secrets(request.headers(), call);
        TransportException failure =
            transportFailure(e, method, path, attempt, timeout, null, secrets);
        if (failure.kind() != TransportException.Kind.INTERRUPTED
            && idempotent
            && replayable
            && retries < policy.maxAttempts() - 1) {
          retries++;
          pause(
              backoff(policy, retries),
              method,
              path,
              attempt,
              "I/O failure: " + failure.kind(),
              observation);
          continue;
        }
        String note = notRetried(failure.kind(), idempotent, replayable, method);
        throw note == null
            ? failure
            : transportFailure(e, method, path, attempt, timeout, note, secrets);
      }
      int status = response.status();
      context.setResponse(status);
      Headers responseHeaders = response.headers();
      context.setRequestId(responseHeaders.first("X-Request-Id").orElse(null));
      if (log.isTraceEnabled()) {
        log.trace(
            "{} {} attempt {} -> {} headers={}",
            method,
            endpoint.uriTemplate(),
            attempt,
            status,
            responseHeaders);
      }
      RateLimit rateLimit = RateLimit.from(responseHeaders).orElse(null);
      if (rateLimit != null) {
        lastRateLimit.set(rateLimit);
        if (rateLimit.isNearlyExhausted()) {
          log.warn(
              "Portal rate limit nearly exhausted: {} of {} requests left, window resets at {}",
              rateLimit.remaining(),
              rateLimit.limit(),
              rateLimit.reset());
        }
      }
      // transports bound the wait for the headers only; the body must arrive within the same
      // attempt
      boolean streamingSuccess = streaming && status >= 200 && status < 300;
      ReadDeadline deadline =
          streamingSuccess
              ? null
              : ReadDeadline.start(
                  response, timeout.toNanos() - (System.nanoTime() - attemptStarted));
      if (status >= 200 && status < 300) {
        TransportException readFailure;
        boolean close = !streaming;
        try {
          T result = reader.read(response);
          if (deadline != null && deadline.cancel()) {
            throw new IOException("the response body did not arrive within the timeout");
          }
          return result;
        } catch (IOException e) {
          close = true;
          readFailure =
              deadline != null && deadline.cancel()
                  ? bodyTimeout(e, method, path, attempt, timeout)
                  : transportFailure(
                      e, method, path, attempt, timeout, null, secrets(request.headers(), call));
        } catch (Error e) {
          close = true;
          throw e;
        } catch (RuntimeException e) {
          close = true;
          if (deadline != null && deadline.cancel()) {
            // a body cut off by the deadline fails to decode: report the timeout, not the decoding
            readFailure = bodyTimeout(e, method, path, attempt, timeout);
          } else if (e instanceof UnsuccessfulEnvelope unsuccessful) {
            throw unsuccessful(
                endpoint,
                status,
                unsuccessful.envelopeMessage,
                attempt,
                secrets(request.headers(), call));
          } else {
            throw e;
          }
        } finally {
          if (deadline != null) {
            deadline.cancel();
          }
          if (close) {
            closeQuietly(response);
          }
        }
        // the body broke off: as much an I/O failure as a reset before the status line
        if (readFailure.kind() != TransportException.Kind.INTERRUPTED
            && idempotent
            && replayable
            && retries < policy.maxAttempts() - 1) {
          retries++;
          pause(
              backoff(policy, retries),
              method,
              path,
              attempt,
              "I/O failure reading the response: " + readFailure.kind(),
              observation);
          continue;
        }
        String note = notRetried(readFailure.kind(), idempotent, replayable, method);
        if (note != null) {
          throw new TransportException(
              withNote(readFailure.getMessage(), note),
              readFailure.kind(),
              readFailure.error(),
              attempt,
              readFailure.getCause());
        }
        throw readFailure;
      }
      byte[] errorBody = readErrorBody(response);
      if (deadline != null) {
        deadline.cancel(); // a cut-off error body still has its status, which is what counts
      }
      ErrorDecoder.Decoded decoded =
          ErrorDecoder.decode(
              status, responseHeaders, errorBody, method, path, settings.clock().instant());
      if (status == 401 && token != null && tokenSource.canRefresh() && !refreshed && replayable) {
        refreshed = true;
        tokenSource.invalidate(token);
        observation.event(REFRESH_EVENT);
        log.debug(
            "{} {} was refused with 401; refreshing the token and sending once more", method, path);
        continue;
      }
      if (status == 429) {
        Duration wait = decoded.retryAfter();
        if (wait == null) {
          wait = backoff(policy, retries + 1);
        }
        boolean withinWait = wait.compareTo(policy.maxRateLimitWait()) <= 0;
        if (withinWait && replayable && retries < policy.maxAttempts() - 1) {
          retries++;
          pause(wait, method, path, attempt, "429", observation);
          continue;
        }
        String note =
            !withinWait
                ? "asked to wait "
                    + wait.toMillis()
                    + " ms, more than the allowed "
                    + policy.maxRateLimitWait().toMillis()
                    + " ms"
                : null;
        throw ErrorDecoder.toException(
            withoutCredentials(decoded, secrets(request.headers(), call)),
            attempt,
            rateLimit,
            note);
      }
      if (isRetryableStatus(status)
          && idempotent
          && replayable
          && retries < policy.maxAttempts() - 1) {
        retries++;
        Duration wait = backoff(policy, retries);
        Duration asked = decoded.retryAfter();
        if (asked != null
            && asked.compareTo(wait) > 0
            && asked.compareTo(policy.maxRateLimitWait()) <= 0) {
          wait = asked;
        }
        pause(wait, method, path, attempt, String.valueOf(status), observation);
        continue;
      }
      String note = null;
      if (status >= 300 && status < 400) {
        note =
            "redirects are not followed"
                + responseHeaders
                    .first("Location")
                    .map(RequestExecutor::origin)
                    .map(o -> "; Location points to " + o)
                    .orElse("");
      } else if (isRetryableStatus(status)) {
        note = notRetried(null, idempotent, replayable, method);
      }
      throw ErrorDecoder.toException(
          withoutCredentials(decoded, secrets(request.headers(), call)), attempt, rateLimit, note);
    }
  }

  /**
   * The decoded error with the request's own credentials (bearer token, API key, cookies) cut out
   * of what the server said, so a server that echoes them cannot put them into a message. The raw
   * body is kept as received.
   */
  private static ErrorDecoder.Decoded withoutCredentials(
      ErrorDecoder.Decoded decoded, List<String> secrets) {
    if (secrets.isEmpty()) {
      return decoded;
    }
    PortalError error = decoded.error();
    PortalError scrubbed =
        new PortalError(
            error.status(),
            scrub(error.code(), secrets),
            scrub(error.message(), secrets),
            error.details(),
            scrub(error.requestId(), secrets),
            scrub(error.path(), secrets),
            scrub(error.method(), secrets),
            scrub(error.timestamp(), secrets),
            error.rawBody());
    return scrubbed.equals(error)
        ? decoded
        : new ErrorDecoder.Decoded(scrubbed, decoded.retryAfter());
  }

  /**
   * What the request must not see echoed in an error message, longest first: its credential headers
   * (the whole value, the part after the scheme, each cookie's value) of 8 characters or more, and
   * the secrets its body carries ({@link Call#secret}) of 4 or more.
   */
  private static List<String> secrets(Headers sent, Call call) {
    List<String> secrets = new java.util.ArrayList<>();
    for (String name : sent.names()) {
      if (!Headers.isSensitive(name)) {
        continue;
      }
      for (String value : sent.values(name)) {
        secrets.add(value);
        int space = value.indexOf(' ');
        if (space > 0) {
          secrets.add(value.substring(space + 1).trim()); // Bearer <token>, Basic <credentials>
        }
        for (String pair : value.split(";")) {
          int equals = pair.indexOf('=');
          secrets.add(pair.trim());
          if (equals >= 0) {
            secrets.add(pair.substring(equals + 1).trim()); // a cookie's value
          }
        }
      }
    }
    // short values (a cookie "1") would blank out ordinary text and are no secret worth the name
    secrets.removeIf(secret -> secret.length() < 8);
    for (String secret : call.secrets()) {
      if (secret.length() >= 4) {
        secrets.add(secret);
      }
    }
    secrets.sort((a, b) -> b.length() - a.length()); // the longest first, so no part is left over
    return secrets;
  }

  private static @Nullable String scrub(@Nullable String text, List<String> secrets) {
    return Redaction.scrub(text, secrets);
  }

  /**
   * Whether a credential goes with the request: in a header, or in a body that names a secret
   * ({@link Call#secret}: a login's password, a sign-up's admin password, an SSO client secret…).
   */
  private static boolean carriesCredentials(TransportRequest request, Call call) {
    for (String name : request.headers().names()) {
      if (Headers.isSensitive(name)) {
        return true;
      }
    }
    return !call.secrets().isEmpty();
  }

  /** Why a failure that could have been retried was not, or null when that is not the reason. */
  private static @Nullable String notRetried(
      TransportException.@Nullable Kind kind,
      boolean idempotent,
      boolean replayable,
      String method) {
    if (kind == TransportException.Kind.INTERRUPTED) {
      return null;
    }
    if (!idempotent) {
      return "not retried: " + method + " is not idempotent and carries no Idempotency-Key";
    }
    if (!replayable) {
      return "not retried: the request body is a stream that cannot be sent again";
    }
    return null;
  }

  /** The message with a note put before its closing {@code [method path…]} part. */
  private static String withNote(String message, String note) {
    int bracket = message.lastIndexOf(" [");
    return bracket < 0
        ? message + " (" + note + ")"
        : message.substring(0, bracket) + " (" + note + ")" + message.substring(bracket);
  }

  private static boolean isRetryableStatus(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
  }

  private void pause(
      Duration wait,
      String method,
      String path,
      int attempt,
      String reason,
      Observation observation) {
    observation.event(RETRY_EVENT);
    log.debug(
        "{} {} attempt {} failed ({}); retrying in {} ms",
        method,
        path,
        attempt,
        reason,
        wait.toMillis());
    try {
      settings.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "interrupted while waiting to retry ["
              + method
              + " "
              + path
              + ", attempts="
              + attempt
              + "]",
          TransportException.Kind.INTERRUPTED,
          PortalError.noResponse(method, path),
          attempt,
          e);
    }
  }

  private static Duration backoff(RetryPolicy policy, int retry) {
    long cap = policy.backoffCap(retry).toMillis();
    return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
  }

  private Headers.Builder baseHeaders(RequestOptions options, @Nullable RequestBody body) {
    Headers.Builder headers = Headers.builder();
    headers.set("Accept", JSON);
    headers.set("User-Agent", settings.userAgent());
    if (settings.apiKey() != null) {
      headers.set("X-API-Key", settings.apiKey());
    }
    String tenant = options.tenantId().orElse(settings.tenantId());
    if (tenant != null) {
      headers.set("X-Tenant-Id", tenant);
    }
    options.idempotencyKey().ifPresent(key -> headers.set("Idempotency-Key", key));
    if (body != null && body.contentType() != null) {
      headers.set("Content-Type", body.contentType());
    }
    options
        .headers()
        .toMap()
        .forEach(
            (name, values) -> {
              headers.remove(name);
              values.forEach(value -> headers.add(name, value));
            });
    return headers;
  }

  private static @Nullable RequestBody body(Call call) {
    if (call.body() != null) {
      return call.body();
    }
    if (call.json() == null) {
      return null;
    }
    try {
      return RequestBody.of(PortalJson.MAPPER.writeValueAsBytes(call.json()), JSON);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "request body of "
              + call.endpoint().id()
              + " could not be written as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String queryString(List<String[]> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String[] parameter : query) {
      out.append(out.length() == 0 ? '?' : '&');
      try {
        out.append(UriTemplates.encode(parameter[0]))
            .append('=')
            .append(UriTemplates.encode(parameter[1]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "query parameter '" + parameter[0] + "': " + e.getMessage(), e);
      }
    }
    return out.toString();
  }

  private <T> T readJson(TransportResponse response, JavaType type, Endpoint endpoint)
      throws IOException {
    return readJson(response.body(), response, type, endpoint);
  }

  private <T> T readJson(
      InputStream body, TransportResponse response, JavaType type, Endpoint endpoint)
      throws IOException {
    try (InputStream in = body) {
      // the parser stops at the value's end and closes what it read from: read on to the end of
      // the body first, so the transport can reuse the connection
      return PortalJson.MAPPER.readValue(new ReadToEndOnClose(in), type);
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      // not the cause: its message quotes the body, which may hold a token
      throw decodeFailure(response, endpoint, type, PortalJson.describe(e), null);
    }
  }

  private static PortalApiException decodeFailure(
      TransportResponse response,
      Endpoint endpoint,
      JavaType type,
      String what,
      @Nullable Throwable cause) {
    return decodeFailure(response, endpoint, type.toCanonical() + ": " + what, cause);
  }

  /**
   * The exception for a 2xx response that could not be read as {@code what} ({@code "User: the body
   * is empty"}), code {@code DECODE_ERROR}; the message never quotes the body.
   */
  public static PortalApiException decodeFailure(
      TransportResponse response, Endpoint endpoint, String what, @Nullable Throwable cause) {
    String method = endpoint.method().name();
    return new PortalApiException(
        "could not decode the "
            + response.status()
            + " response of "
            + endpoint.id()
            + " as "
            + what
            + " ["
            + method
            + " "
            + endpoint.uriTemplate()
            + "]",
        new PortalError(
            response.status(),
            "DECODE_ERROR",
            null,
            Map.of(),
            response.headers().first("X-Request-Id").orElse(null),
            endpoint.uriTemplate(),
            method,
            null,
            null),
        1,
        cause);
  }

  private static PortalApiException unsuccessful(
      Endpoint endpoint, int status, @Nullable String message, int attempt, List<String> secrets) {
    String method = endpoint.method().name();
    String path = endpoint.uriTemplate();
    PortalError error =
        new PortalError(
            status,
            "UNSUCCESSFUL",
            scrub(message, secrets),
            Map.of(),
            null,
            path,
            method,
            null,
            null);
    return new PortalApiException(
        ErrorDecoder.message(error, attempt, "the envelope reported success=false"),
        error,
        attempt,
        null);
  }

  /**
   * A 2xx whose envelope says {@code success: false}, thrown by a reader and turned into a {@link
   * PortalApiException} by the attempt loop, which knows the credentials to keep out of it.
   */
  private static final class UnsuccessfulEnvelope extends RuntimeException {
    private final @Nullable String envelopeMessage;

    UnsuccessfulEnvelope(@Nullable String envelopeMessage) {
      super(null, null, false, false);
      this.envelopeMessage = envelopeMessage;
    }
  }

  private static byte @Nullable [] readErrorBody(TransportResponse response) {
    try (response;
        InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while (out.size() < ErrorDecoder.MAX_BODY && (read = in.read(buffer)) != -1) {
        out.write(buffer, 0, Math.min(read, ErrorDecoder.MAX_BODY - out.size()));
      }
      return out.toByteArray();
    } catch (IOException e) {
      return null; // the status is what matters; a broken error body must not hide it
    }
  }

  private static TransportException transportFailure(
      IOException e,
      String method,
      String path,
      int attempt,
      Duration timeout,
      @Nullable String note,
      List<String> secrets) {
    TransportException.Kind kind;
    String what;
    if (e instanceof HttpConnectTimeoutException
        || e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      kind = TransportException.Kind.CONNECT;
      what = "could not connect";
    } else if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      kind = TransportException.Kind.TIMEOUT;
      what = "no response within " + timeout.toMillis() + " ms";
    } else if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
      kind = TransportException.Kind.INTERRUPTED;
      what = "interrupted";
    } else {
      kind = TransportException.Kind.IO;
      what = "I/O failure";
    }
    // the JDK quotes what it could not parse: a server echoing the request would show its
    // credentials
    String detail =
        e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage(), secrets));
    return new TransportException(
        what
            + " ("
            + detail
            + ")"
            + (note == null ? "" : " (" + note + ")")
            + " ["
            + method
            + " "
            + path
            + (attempt > 1 ? ", attempts=" + attempt : "")
            + "]",
        kind,
        PortalError.noResponse(method, path),
        attempt,
        secrets.isEmpty() ? e : Redaction.causeWithout(e, text -> scrub(text, secrets)));
  }

  private static TransportException bodyTimeout(
      Throwable e, String method, String path, int attempt, Duration timeout) {
    return new TransportException(
        "no complete response within "
            + timeout.toMillis()
            + " ms: the body stalled ["
            + method
            + " "
            + path
            + (attempt > 1 ? ", attempts=" + attempt : "")
            + "]",
        TransportException.Kind.TIMEOUT,
        PortalError.noResponse(method, path),
        attempt,
        e);
  }

  private void logCall(
      Endpoint endpoint,
      String path,
      PortalObservationContext context,
      long started,
      @Nullable Throwable error) {
    if (!log.isDebugEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    String requestId =
        error instanceof PortalApiException portal && portal.requestId() != null
            ? portal.requestId()
            : context.requestId();
    log.debug(
        "{} {} -> {} in {} ms (attempts={}{}{})",
        endpoint.method(),
        endpoint.uriTemplate(),
        context.status() == null ? "no response" : context.status(),
        millis,
        context.attempts(),
        requestId == null ? "" : ", requestId=" + requestId,
        error == null ? "" : ", error=" + error.getClass().getSimpleName());
  }

  private static String origin(String location) {
    try {
      URI uri = URI.create(location.trim());
      return uri.getHost() == null ? "a relative path" : uri.getScheme() + "://" + uri.getHost();
    } catch (IllegalArgumentException e) {
      return "an unparseable location";
    }
  }

  private static void closeQuietly(TransportResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // the result is already read; a failing close loses nothing
    }
  }

  /**
   * Reads what is left of the body (a few bytes at most after a JSON value) when closed, and leaves
   * closing it to its owner. The JDK client returns a connection to its pool only when the body's
   * end has been delivered; a body closed before that is cancelled, which closes the connection,
   * and the caller's next request opens a new one.
   */
  private static final class ReadToEndOnClose extends FilterInputStream {
    private static final int LIMIT = 64 * 1024;

    ReadToEndOnClose(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      byte[] buffer = new byte[512];
      int left = LIMIT; // more trailing bytes than this: closing the connection is cheaper
      try {
        int read;
        while (left > 0 && (read = in.read(buffer, 0, Math.min(buffer.length, left))) != -1) {
          left -= read;
        }
      } catch (IOException ignored) {
        // the value is read; a body that breaks off after it only costs the connection
      }
    }
  }

  /** Swallows bytes. */
  private static final class OutputStreamDiscard extends java.io.OutputStream {
    static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
