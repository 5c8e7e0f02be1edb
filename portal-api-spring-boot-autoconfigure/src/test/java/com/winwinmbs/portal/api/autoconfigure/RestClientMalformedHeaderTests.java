package com.winwinmbs.portal.api.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.Headers;
import com.winwinmbs.portal.api.http.HttpMethod;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.TransportRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * A response header holding a control character, which the JDK client refuses as a protocol error
 * (quoting the whole header line) and {@code HttpURLConnection} passes on, is reported by {@link
 * RestClientPortalTransport} as the JDK transport reports it: an I/O failure whose message names
 * the origin and the header, never the value, with no cause that would quote it.
 */
class RestClientMalformedHeaderTests {

  @ParameterizedTest(name = "U+{0} through {1}")
  @CsvSource({
    "0, simple",
    "1, simple",
    "27, simple",
    "127, simple",
    "0, jdk",
    "1, jdk",
    "27, jdk",
    "127, jdk"
  })
  void aControlCharacterInAResponseHeaderIsAProtocolErrorThatNeverQuotesTheValue(
      int c, String factory) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answer =
          new Thread(
              () -> {
                try (Socket socket = server.accept()) {
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(
                              socket.getInputStream(), StandardCharsets.ISO_8859_1));
                  String line;
                  while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // the request's header block
                  }
                  OutputStream out = socket.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n"
                              + "Set-Cookie: session=Zq81-secret"
                              + (char) c
                              + "x\r\n\r\n{}")
                          .getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (Exception ignored) {
                  // the test reads what the client made of it
                }
              });
      answer.setDaemon(true);
      answer.start();
      PortalTransport transport =
          RestClientPortalTransport.create(
              RestClient.builder(),
              factory.equals("jdk")
                  ? ClientHttpRequestFactoryBuilder.jdk()
                  : ClientHttpRequestFactoryBuilder.simple(),
              HttpClientSettings.defaults()
                  .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
      TransportRequest request =
          new TransportRequest(
              new Endpoint("health", "check", HttpMethod.GET, "/health", true, true),
              HttpMethod.GET,
              URI.create("http://127.0.0.1:" + server.getLocalPort() + "/health"),
              Map.of(),
              Headers.empty(),
              null,
              Duration.ofSeconds(2));

      Throwable failure = catchThrowable(() -> transport.exchange(request).close());
      answer.join(2000);

      assertThat(failure)
          .isInstanceOf(ProtocolException.class)
          .hasMessageStartingWith(
              "malformed response from http://127.0.0.1:" + server.getLocalPort() + ": ")
          .hasMessageContaining("header Set-Cookie holds")
          .hasMessageNotContaining("Zq81");
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        assertThat(String.valueOf(cause.getMessage())).doesNotContain("Zq81");
      }
    }
  }
}
