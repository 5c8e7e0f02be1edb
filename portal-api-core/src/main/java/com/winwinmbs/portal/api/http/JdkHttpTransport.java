package com.winwinmbs.portal.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The default transport, on the JDK's {@link HttpClient}: HTTP/1.1, no redirects followed.
 *
 * <p>The JDK client itself sends a {@code GET} once more when the connection closes before any byte
 * of the response arrived, on JDK 17 and 25 alike; nothing per client or per request turns that
 * off, and as a {@code GET} has no body the JDK never subscribes to a body publisher that could
 * count or refuse the second send. The client's retry policy counts attempts above that, so the
 * portal may see up to twice as many {@code GET}s as {@link
 * com.winwinmbs.portal.api.PortalApiException#attempts()} reports after such failures. Requests
 * with a body are never sent twice by the JDK unless the JVM sets {@code
 * jdk.httpclient.enableAllMethodRetry}.
 *
 * <p>A response the JDK cannot parse (a control character in a header value, a malformed header
 * name or status line) fails as a {@link ProtocolException} that says the response was malformed
 * and which header was at fault, never quoting a value: the JDK's own message quotes it, and a
 * {@code Set-Cookie} may carry a session's refresh token. A header value the JDK refuses to send (a
 * character above U+00FF, a control character or DEL) fails as an {@link IllegalArgumentException}
 * that names the header, not the value.
 *
 * <pre>{@code
 * PortalTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5));
 * }</pre>
 */
public final class JdkHttpTransport implements PortalTransport {

  /** Headers the JDK client sets itself and refuses to be given. */
  private static final List<String> RESTRICTED =
      List.of("connection", "content-length", "host", "expect", "upgrade");

  /**
   * The body as a publisher, which the JDK hands on without a thread hand-off; {@link
   * InterruptibleBody} subscribes to it.
   */
  private static final HttpResponse.BodyHandler<Flow.Publisher<List<ByteBuffer>>> BODY =
      HttpResponse.BodyHandlers.ofPublisher();

  /** The JDK's {@code Invalid header value "name: value"}: a name is a token, without ':'. */
  private static final Pattern INVALID_HEADER_VALUE =
      Pattern.compile("Invalid header value \"([!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}):");

  private final Supplier<HttpClient> factory;
  private final String description;
  private volatile @Nullable HttpClient httpClient;

  private JdkHttpTransport(Supplier<HttpClient> factory, String description) {
    this.factory = factory;
    this.description = description;
  }

  /**
   * A transport on a new {@link HttpClient} with this connect timeout. The client (and its selector
   * thread) is created on the first request, so building a portal client costs no I/O resources and
   * adds nothing to an application's start-up.
   */
  public static JdkHttpTransport create(Duration connectTimeout) {
    Objects.requireNonNull(connectTimeout, "connectTimeout == null");
    return new JdkHttpTransport(
        () ->
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build(),
        HttpClient.Version.HTTP_1_1 + ", connectTimeout=" + connectTimeout);
  }

  /**
   * A transport on a caller's {@link HttpClient} (for a proxy, an {@code SSLContext} or an
   * executor). Configure it not to follow redirects: a followed redirect to another host would
   * carry the credentials.
   */
  public static JdkHttpTransport create(HttpClient httpClient) {
    Objects.requireNonNull(httpClient, "httpClient == null");
    if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException(
          "the HttpClient follows redirects ("
              + httpClient.followRedirects()
              + "); build it with followRedirects(HttpClient.Redirect.NEVER) so credentials never reach another host");
    }
    return new JdkHttpTransport(
        () -> httpClient,
        httpClient.version()
            + httpClient.connectTimeout().map(timeout -> ", connectTimeout=" + timeout).orElse(""));
  }

  private HttpClient httpClient() {
    HttpClient client = httpClient;
    if (client == null) {
      synchronized (this) {
        client = httpClient;
        if (client == null) {
          client = factory.get();
          httpClient = client;
        }
      }
    }
    return client;
  }

  @Override
  public TransportResponse exchange(TransportRequest request) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(request.timeout())
            .method(request.method().name(), publisher(request.body()));
    Headers headers = request.headers();
    boolean contentType = false;
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (isRestricted(name)) {
        continue;
      }
      contentType |= name.equalsIgnoreCase("Content-Type");
      for (String value : headers.values(i)) {
        header(builder, name, value);
      }
    }
    RequestBody body = request.body();
    if (body != null && body.contentType() != null && !contentType) {
      builder.header("Content-Type", body.contentType());
    }
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    try {
      response = httpClient().send(builder.build(), BODY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting for the response");
      interrupted.initCause(e);
      throw interrupted;
    } catch (ProtocolException e) {
      throw malformed(e, request.uri());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new JdkResponse(response);
  }

  /** Adds a header; the JDK's refusal quotes the value, which may be a credential. */
  private static void header(HttpRequest.Builder builder, String name, String value) {
    try {
      builder.header(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the value of header "
              + name
              + " holds a character an HTTP header cannot carry (a control character, DEL, or one"
              + " above U+00FF); the JDK's HTTP client refused to send it");
    }
  }

  /**
   * The JDK's parse failure, said without the text it quotes: a header value (a {@code Set-Cookie}
   * may carry a refresh token) or a status line (a server echoing the request would show its
   * credentials). Only a header's name, a token by the JDK's own check, is kept.
   */
  private static ProtocolException malformed(ProtocolException e, URI uri) {
    String message = String.valueOf(e.getMessage());
    String what;
    Matcher value = INVALID_HEADER_VALUE.matcher(message);
    if (value.lookingAt()) {
      what =
          "the value of header "
              + value.group(1)
              + " holds a character HTTP does not allow there (a control character or DEL)";
    } else if (message.startsWith("Invalid header name")) {
      what = "a header name holds a character HTTP does not allow there";
    } else if (message.startsWith("Invalid status line")) {
      what = "its status line is not HTTP/1.1";
    } else if (message.startsWith("Header size too big")) {
      what = "its headers are larger than the JDK accepts (" + message + ")";
    } else {
      what = "it is not valid HTTP";
    }
    String origin =
        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return new ProtocolException("malformed response from " + origin + ": " + what);
  }

  private static BodyPublisher publisher(RequestBody body) {
    if (body == null) {
      return BodyPublishers.noBody();
    }
    byte[] bytes = body.bytes();
    if (bytes != null) {
      return BodyPublishers.ofByteArray(bytes);
    }
    BodyPublisher stream =
        BodyPublishers.ofInputStream(
            () -> {
              try {
                return body.open();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    long length = body.contentLength();
    return length >= 0 ? BodyPublishers.fromPublisher(stream, length) : stream;
  }

  @Override
  public String toString() {
    return "JdkHttpTransport[" + description + "]";
  }

  private static boolean isRestricted(String name) {
    for (String restricted : RESTRICTED) {
      if (restricted.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static final class JdkResponse implements TransportResponse {
    private final HttpResponse<?> response;
    private final Headers headers;
    private final InputStream body;

    JdkResponse(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
      this.response = response;
      InterruptibleBody subscriber = new InterruptibleBody();
      response.body().subscribe(subscriber); // from now on the body flows, a few chunks ahead
      this.body = subscriber.stream();
      Headers copied;
      try {
        copied = Headers.ofDistinct(response.headers().map());
      } catch (RuntimeException e) {
        subscriber.close(); // the connection is not left waiting for a reader
        throw e;
      }
      this.headers = copied;
    }

    @Override
    public int status() {
      return response.statusCode();
    }

    @Override
    public Headers headers() {
      return headers;
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
