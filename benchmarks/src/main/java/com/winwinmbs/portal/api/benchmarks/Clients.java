package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.ApiPaginatedResponse;
import com.winwinmbs.portal.api.ApiResponse;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.SearchRequest;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.autoconfigure.RestClientPortalTransport;
import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.user.User;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.http2client.Http2Client;
import feign.jackson3.Jackson3Decoder;
import feign.jackson3.Jackson3Encoder;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every client under test, built the same way: HTTP/1.1 on a JDK {@link HttpClient} (the client's
 * own default), the same bearer token, the same Jackson 3 mapper settings ({@link
 * PortalJson#newMapper()}) and the same records.
 */
final class Clients {

  static final String TOKEN = "bench-token";
  static final String BEARER = "Bearer " + TOKEN;

  /** The user every findById asks for. */
  static final String USER_ID = "usr_01HZX3K8Q2M4N6P8R0T2V4W6Y8";

  /** The search every client sends: one full page of the stub's users. */
  static final SearchRequest SEARCH =
      SearchRequest.builder().page(1).limit(StubPortal.ITEMS_PER_PAGE).build();

  private Clients() {}

  /** A JDK client as the client's own transport builds it: HTTP/1.1, no redirects. */
  static HttpClient jdkHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  static JsonMapper mapper() {
    return PortalJson.newMapper();
  }

  /** This client on its default JDK transport. */
  static PortalApiClient portalOnJdk(String baseUrl) {
    return PortalApiClient.builder().apiUrl(baseUrl).tokenSource(TokenSource.of(TOKEN)).build();
  }

  /**
   * The settings the auto-configuration gives a transport: Boot's defaults with the client's
   * timeouts (connect 10 s, read 30 s), redirects never followed.
   */
  static HttpClientSettings bootSettings() {
    return HttpClientSettings.defaults()
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))
        .withRedirects(HttpRedirects.DONT_FOLLOW);
  }

  /**
   * This client on the RestClient transport, with the JDK request factory and the timeouts the
   * auto-configuration gives it (connect 10 s, read 30 s: the client's defaults).
   */
  static PortalApiClient portalOnRestClient(String baseUrl) {
    return portalOnRestClient(baseUrl, jdkFactory());
  }

  /** Boot's JDK request factory, speaking HTTP/1.1 as the auto-configuration has it on http. */
  static JdkClientHttpRequestFactoryBuilder jdkFactory() {
    return ClientHttpRequestFactoryBuilder.jdk()
        .withHttpClientCustomizer(builder -> builder.version(HttpClient.Version.HTTP_1_1));
  }

  /** This client on the RestClient transport over the given request factory. */
  static PortalApiClient portalOnRestClient(
      String baseUrl, ClientHttpRequestFactoryBuilder<?> factory) {
    RestClientPortalTransport transport =
        RestClientPortalTransport.create(RestClient.builder(), factory, bootSettings());
    return PortalApiClient.builder()
        .apiUrl(baseUrl)
        .tokenSource(TokenSource.of(TOKEN))
        .transport(transport)
        .build();
  }

  /**
   * This client on its own JDK transport, its {@link HttpClient} built by Boot's {@link
   * JdkHttpClientBuilder} from {@link HttpClientSettings} (where SSL bundles and {@code
   * spring.http.clients.*} arrive): the other way the starter can build it.
   */
  static PortalApiClient portalOnBootJdkTransport(String baseUrl) {
    HttpClient client =
        new JdkHttpClientBuilder()
            .withCustomizer(builder -> builder.version(HttpClient.Version.HTTP_1_1))
            // the JDK client has no read timeout of its own: the portal client bounds each call
            .build(bootSettings().withReadTimeout(null));
    return PortalApiClient.builder()
        .apiUrl(baseUrl)
        .tokenSource(TokenSource.of(TOKEN))
        .transport(JdkHttpTransport.create(client))
        .build();
  }

  /** A plain RestClient on one of Boot's request factories, with the same mapper settings. */
  static RestClient restClient(String baseUrl, ClientHttpRequestFactoryBuilder<?> factory) {
    JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter(mapper());
    return RestClient.builder()
        .requestFactory(factory.build(bootSettings()))
        .baseUrl(baseUrl)
        .defaultHeader("Authorization", BEARER)
        .configureMessageConverters(converters -> converters.withJsonConverter(json))
        .build();
  }

  /** A plain RestClient on the JDK request factory, decoding with the same mapper settings. */
  static RestClient restClient(String baseUrl) {
    JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter(mapper());
    return RestClient.builder()
        .requestFactory(new JdkClientHttpRequestFactory(jdkHttpClient()))
        .baseUrl(baseUrl)
        .defaultHeader("Authorization", BEARER)
        .configureMessageConverters(converters -> converters.withJsonConverter(json))
        .build();
  }

  /** The portal's user routes as a Spring HTTP interface. */
  @HttpExchange(accept = "application/json")
  interface UserExchange {
    @GetExchange("/users/{id}")
    ApiResponse<User> findById(@PathVariable String id);

    @PostExchange(url = "/users/search", contentType = "application/json")
    ApiPaginatedResponse<User> search(@RequestBody SearchRequest request);
  }

  /** An HTTP interface client over {@link #restClient(String)}. */
  static UserExchange httpInterface(String baseUrl) {
    return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient(baseUrl)))
        .build()
        .createClient(UserExchange.class);
  }

  /** The portal's user routes as an OpenFeign interface. */
  @Headers("Accept: application/json")
  interface UserFeign {
    @RequestLine("GET /users/{id}")
    ApiResponse<User> findById(@Param("id") String id);

    @RequestLine("POST /users/search")
    @Headers("Content-Type: application/json")
    ApiPaginatedResponse<User> search(SearchRequest request);
  }

  /** OpenFeign on the JDK HttpClient (feign-java11) with the Jackson 3 codec. */
  static UserFeign feign(String baseUrl) {
    JsonMapper mapper = mapper();
    return Feign.builder()
        .client(new Http2Client(jdkHttpClient()))
        .encoder(new Jackson3Encoder(mapper))
        .decoder(new Jackson3Decoder(mapper))
        .requestInterceptor(template -> template.header("Authorization", BEARER))
        .target(UserFeign.class, baseUrl);
  }
}
