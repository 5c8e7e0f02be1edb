package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.RequestBody;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * A {@link PortalTransport} on Spring's {@link RestClient}, so what an application configures for
 * its HTTP clients applies to the portal too: {@code RestClientCustomizer}s (interceptors, default
 * headers), the {@code spring.http.clients.*} request factory settings, SSL bundles and the {@code
 * http.client.requests} observation.
 *
 * <p>Every request keeps the bytes the client encoded (each path variable one percent-encoded
 * segment) while RestClient records the route's URI template, so {@code http.client.requests} is
 * tagged {@code uri=/users/{id}}, never with the expanded path. Redirects are never followed: a
 * followed redirect to another host would carry the credentials. Response bodies are streamed, and
 * 4xx and 5xx responses are returned rather than thrown, for the client to decode.
 *
 * <pre>{@code
 * PortalTransport transport = RestClientPortalTransport.create(restClientBuilder,
 *     HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
 * PortalApiClient portal = PortalApiClient.builder()
 *     .apiUrl("https://api.winwinmbs.com")
 *     .transport(transport)
 *     .build();
 * }</pre>
 */
public final class RestClientPortalTransport implements PortalTransport, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RestClientPortalTransport.class);

  /** The JDK's {@code Invalid header value "name: value"}: a name is a token, without ':'. */
  private static final Pattern INVALID_HEADER_VALUE =
      Pattern.compile("Invalid header value \"([!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}):");

  /**
   * Distinct per-call timeouts each get a request factory; beyond this many the default one is
   * used.
   */
  private static final int MAX_TIMEOUT_VARIANTS = 16;

  private final RestClient.Builder builder;
  private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;
  private final HttpClientSettings settings;
  private final RestClient restClient;
  private final Map<Duration, RestClient> byTimeout = new ConcurrentHashMap<>();
  private final List<ClientHttpRequestFactory> requestFactories = new CopyOnWriteArrayList<>();
  private final AtomicBoolean variantsExhausted = new AtomicBoolean();

  private RestClientPortalTransport(
      RestClient.Builder builder,
      ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
      HttpClientSettings settings) {
    DefaultUriBuilderFactory uriBuilderFactory = new DefaultUriBuilderFactory();
    // The URI is encoded by the client already; the factory only records the template, verbatim.
    uriBuilderFactory.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
    this.builder = builder.clone().uriBuilderFactory(uriBuilderFactory);
    this.requestFactoryBuilder = requestFactoryBuilder;
    this.settings = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
    this.restClient = build(this.settings);
  }

  /**
   * A transport on a copy of the builder, with a request factory of the detected HTTP library.
   *
   * @param builder the builder, usually Boot's auto-configured one so customizers apply; it is
   *     cloned
   * @param settings connect and read timeouts, SSL bundle and the like; redirects are never
   *     followed whatever they say
   */
  public static RestClientPortalTransport create(
      RestClient.Builder builder, HttpClientSettings settings) {
    return create(builder, ClientHttpRequestFactoryBuilder.detect(), settings);
  }

  /**
   * A transport on a copy of the builder, with a request factory from the given factory builder.
   *
   * @param builder the builder, usually Boot's auto-configured one so customizers apply; it is
   *     cloned
   * @param requestFactoryBuilder builds the request factory, such as Boot's auto-configured one
   * @param settings connect and read timeouts, SSL bundle and the like; redirects are never
   *     followed whatever they say
   */
  public static RestClientPortalTransport create(
      RestClient.Builder builder,
      ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
      HttpClientSettings settings) {
    Objects.requireNonNull(builder, "builder == null");
    Objects.requireNonNull(requestFactoryBuilder, "requestFactoryBuilder == null");
    Objects.requireNonNull(settings, "settings == null");
    return new RestClientPortalTransport(builder, requestFactoryBuilder, settings);
  }

  /** The settings the request factory is built with; redirects are never followed. */
  public HttpClientSettings settings() {
    return this.settings;
  }

  @Override
  public TransportResponse exchange(TransportRequest request) throws IOException {
    RestClient client = clientFor(request.timeout());
    URI uri = request.uri();
    RestClient.RequestBodySpec spec =
        client
            .method(HttpMethod.valueOf(request.method().name()))
            // RestClient records the template for observations; the URI sent is the client's,
            // unchanged.
            .uri(uriTemplate(request), (uriBuilder) -> uri)
            .headers((headers) -> request.headers().toMap().forEach(headers::put));
    RequestBody body = request.body();
    if (body != null) {
      if (body.contentLength() >= 0) {
        spec = spec.contentLength(body.contentLength());
      }
      spec = spec.body(new StreamingBody(body));
    }
    try {
      return spec.exchange(
          (clientRequest, response) -> RestClientResponse.open(response, uri), false);
    } catch (ResourceAccessException ex) {
      // The client tells timeouts from connection failures by the I/O exception's type.
      if (ex.getCause() instanceof MalformedResponseException ours) {
        throw ours;
      }
      if (ex.getCause() instanceof ProtocolException protocol) {
        throw malformed(protocol, uri);
      }
      if (ex.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(ex.getMessage(), ex);
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    }
  }

  /**
   * A response the HTTP library could not parse, said as the JDK transport says it: the origin and
   * the header at fault, never the text the library quotes (the JDK's HttpClient, under Spring's
   * JDK request factory, quotes the whole header line, and a {@code Set-Cookie} may carry a
   * session's refresh token). The library's exception is not kept as the cause, for the same
   * reason.
   */
  static ProtocolException malformed(ProtocolException ex, URI uri) {
    String message = String.valueOf(ex.getMessage());
    Matcher value = INVALID_HEADER_VALUE.matcher(message);
    String what;
    if (value.lookingAt()) {
      what =
          "the value of header "
              + value.group(1)
              + " holds a character HTTP does not allow there (a control character or DEL)";
    } else if (message.startsWith("Invalid header name")) {
      what = "a header name holds a character HTTP does not allow there";
    } else if (message.startsWith("Invalid status line")) {
      what = "its status line is not HTTP/1.1";
    } else {
      what = "it is not valid HTTP";
    }
    return new MalformedResponseException(origin(uri), what);
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** The absolute template: the request's origin and base path followed by the route's template. */
  static String uriTemplate(TransportRequest request) {
    URI uri = request.uri();
    String rawPath = (uri.getRawPath() != null) ? uri.getRawPath() : "";
    String expanded = request.endpoint().expand(request.pathVariables());
    String basePath =
        rawPath.endsWith(expanded)
            ? rawPath.substring(0, rawPath.length() - expanded.length())
            : "";
    return uri.getScheme() + "://" + uri.getRawAuthority() + basePath + request.uriTemplate();
  }

  private RestClient clientFor(Duration timeout) {
    if (timeout.equals(this.settings.readTimeout())) {
      return this.restClient;
    }
    RestClient client = this.byTimeout.get(timeout);
    if (client != null) {
      return client;
    }
    if (this.byTimeout.size() >= MAX_TIMEOUT_VARIANTS) {
      if (this.variantsExhausted.compareAndSet(false, true)) {
        log.warn(
            "More than {} distinct per-call timeouts; further ones use the configured read timeout {}",
            MAX_TIMEOUT_VARIANTS,
            this.settings.readTimeout());
      }
      return this.restClient;
    }
    return this.byTimeout.computeIfAbsent(
        timeout, (key) -> build(this.settings.withReadTimeout(key)));
  }

  private RestClient build(HttpClientSettings settings) {
    ClientHttpRequestFactory requestFactory = this.requestFactoryBuilder.build(settings);
    this.requestFactories.add(requestFactory);
    return this.builder.clone().requestFactory(requestFactory).build();
  }

  /**
   * Releases the connection pools of the request factories this transport built (Apache
   * HttpClient's, for one). In a Spring context this happens when the context closes.
   */
  @Override
  public void close() throws Exception {
    for (ClientHttpRequestFactory requestFactory : this.requestFactories) {
      if (requestFactory instanceof AutoCloseable closeable) {
        closeable.close();
      } else if (requestFactory instanceof DisposableBean disposable) {
        disposable.destroy();
      }
    }
    this.requestFactories.clear();
  }

  @Override
  public String toString() {
    return "RestClientPortalTransport[connectTimeout="
        + this.settings.connectTimeout()
        + ", readTimeout="
        + this.settings.readTimeout()
        + ", sslBundle="
        + (this.settings.sslBundle() != null)
        + "]";
  }

  /** A response that could not be read, said without quoting it. */
  private static final class MalformedResponseException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String origin, String what) {
      super("malformed response from " + origin + ": " + what);
    }
  }

  /** Streams a request body into the connection. */
  private static final class StreamingBody implements StreamingHttpOutputMessage.Body {

    private final RequestBody body;

    StreamingBody(RequestBody body) {
      this.body = body;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      byte[] bytes = this.body.bytes();
      if (bytes != null) {
        out.write(bytes);
        return;
      }
      try (InputStream in = this.body.open()) {
        in.transferTo(out);
      }
    }

    @Override
    public boolean repeatable() {
      return this.body.isRepeatable();
    }
  }

  /** A response whose body has not been read. */
  private static final class RestClientResponse implements TransportResponse {

    private final ClientHttpResponse response;
    private final int status;
    private final Headers headers;

    private RestClientResponse(ClientHttpResponse response, URI uri) throws IOException {
      this.response = response;
      this.status = response.getStatusCode().value();
      this.headers = headers(response.getHeaders(), uri);
    }

    /**
     * Wraps the response, closing it if it cannot be read: RestClient leaves it open for the
     * caller.
     */
    static RestClientResponse open(ClientHttpResponse response, URI uri) throws IOException {
      try {
        return new RestClientResponse(response, uri);
      } catch (IOException | RuntimeException ex) {
        response.close();
        throw ex;
      }
    }

    /**
     * The response's headers; one that {@link Headers} refuses (a control character in a value,
     * which the JDK client refuses as a protocol error and some other clients pass on) is a
     * malformed response, reported as the JDK transport reports it: an I/O failure.
     */
    private static Headers headers(HttpHeaders source, URI uri) throws ProtocolException {
      Headers.Builder headers = Headers.builder();
      for (Map.Entry<String, List<String>> header : source.headerSet()) {
        String name = header.getKey();
        if (name.startsWith(":")) { // HTTP/2 pseudo-headers
          continue;
        }
        for (String value : header.getValue()) {
          try {
            headers.add(name, value);
          } catch (IllegalArgumentException malformed) {
            // the message names the header and the character, never the value (a Set-Cookie)
            throw new MalformedResponseException(
                origin(uri), String.valueOf(malformed.getMessage()));
          }
        }
      }
      return headers.build();
    }

    @Override
    public int status() {
      return this.status;
    }

    @Override
    public Headers headers() {
      return this.headers;
    }

    @Override
    public InputStream body() throws IOException {
      return this.response.getBody();
    }

    @Override
    public void close() {
      this.response.close();
    }
  }
}
