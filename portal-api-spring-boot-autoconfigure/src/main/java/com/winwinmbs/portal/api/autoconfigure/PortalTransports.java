package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.http.JdkHttpTransport;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.http.TransportRequest;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkHttpClientBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds the HTTP side of a client from its {@code portal.api.*} properties: the transport of its
 * calls ({@code portal.api.http-client}) and the request factory of its token requests, both on the
 * same settings (Spring Boot's {@code spring.http.clients.*}, then the portal's timeouts and SSL
 * bundle, redirects never followed).
 *
 * <p>Spring Boot's HTTP client module and RestClient are optional: each is touched only from a
 * nested class that is loaded when it is on the class path.
 */
final class PortalTransports {

  private static final String MOCK_REST_SERVICE_SERVER_CUSTOMIZER =
      "org.springframework.boot.restclient.test.MockServerRestClientCustomizer";

  private final ListableBeanFactory beanFactory;

  private final @Nullable ClassLoader classLoader;

  PortalTransports(ListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
    this.classLoader = classLoader(beanFactory);
  }

  /**
   * The transport of a client.
   *
   * @param properties the client's properties
   * @param baseUrl the client's validated base URL, or null when it is not known yet (the builder
   *     bean)
   * @throws PortalApiConfigurationException when the SSL bundle or the HTTP client named is not
   *     available
   */
  PortalTransport transport(PortalApiProperties properties, @Nullable String baseUrl) {
    PortalApiPropertiesMapper mapper = new PortalApiPropertiesMapper(properties);
    SslBundle bundle =
        mapper.sslBundle(this.beanFactory.getBeanProvider(SslBundles.class).getIfAvailable());
    if (baseUrl != null) {
      requireLocalPortalUnderMockRestServiceServer(baseUrl);
    }
    if (properties.getHttpClient() == PortalHttpClient.REST_CLIENT) {
      if (!isPresent("org.springframework.web.client.RestClient")
          || !isPresent("org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder")
          || this.beanFactory.getBeanNamesForType(RestClientTransport.restClientBuilderType())
                  .length
              == 0) {
        throw new PortalApiConfigurationException(
            "portal.api.http-client is 'rest-client', but Spring Boot's RestClient.Builder is not"
                + " available.",
            "Add spring-boot-starter-restclient (and do not exclude RestClientAutoConfiguration),"
                + " or remove portal.api.http-client to use the JDK HttpClient.");
      }
      return RestClientTransport.create(this.beanFactory, mapper, bundle, baseUrl);
    }
    if (isPresent("org.springframework.boot.http.client.JdkHttpClientBuilder")) {
      return lazy(() -> BootHttpClient.jdkTransport(this.beanFactory, mapper, bundle));
    }
    return lazy(() -> JdkHttpTransport.create(mapper.jdkHttpClient(bundle)));
  }

  /**
   * The request factory of Spring Security's token requests for a client: Spring Boot's request
   * factory builder on the same settings as the client's calls (its timeouts, SSL bundle and {@code
   * spring.http.clients.*}), redirects never followed.
   */
  ClientHttpRequestFactory tokenRequestFactory(PortalApiProperties properties) {
    PortalApiPropertiesMapper mapper = new PortalApiPropertiesMapper(properties);
    SslBundle bundle =
        mapper.sslBundle(this.beanFactory.getBeanProvider(SslBundles.class).getIfAvailable());
    if (isPresent("org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder")) {
      return BootHttpClient.requestFactory(this.beanFactory, mapper, bundle);
    }
    return PlainJdk.requestFactory(mapper, bundle);
  }

  /** The class loader of the application's classes, which a test may filter. */
  static @Nullable ClassLoader classLoader(ListableBeanFactory beanFactory) {
    if (beanFactory instanceof ResourceLoader loader) {
      return loader.getClassLoader();
    }
    if (beanFactory instanceof ConfigurableBeanFactory configurable) {
      return configurable.getBeanClassLoader();
    }
    return beanFactory.getClass().getClassLoader();
  }

  private boolean isPresent(String className) {
    return ClassUtils.isPresent(className, this.classLoader);
  }

  /**
   * A test that mocks RestClient with MockRestServiceServer expects no real HTTP, but the portal's
   * calls (and token requests) do not go through it. Rather than let them reach a real portal, such
   * a test must point the client at a local stand-in (the mock portal of
   * {@code @AutoConfigureMockPortal}, WireMock).
   */
  private void requireLocalPortalUnderMockRestServiceServer(String baseUrl) {
    if (!isPresent(MOCK_REST_SERVICE_SERVER_CUSTOMIZER)) {
      return;
    }
    Class<?> customizer =
        ClassUtils.resolveClassName(MOCK_REST_SERVICE_SERVER_CUSTOMIZER, this.classLoader);
    if (this.beanFactory.getBeanNamesForType(customizer, true, false).length == 0
        || PortalApiPropertiesMapper.isLoopback(baseUrl)) {
      return;
    }
    throw new PortalApiConfigurationException(
        "This application context mocks RestClient with MockRestServiceServer, but portal calls do"
            + " not go through it, and portal.api.base-url points at "
            + URI.create(baseUrl).getHost()
            + ": the portal client would call it for real.",
        "Test portal calls with @AutoConfigureMockPortal (portal-api-test), which points the client"
            + " at a mock portal, or point portal.api.base-url at a local stand-in such as WireMock.");
  }

  /**
   * A transport made on its first request, so that a client costs no SSL context, selector thread
   * or connection pool before it is used, and nothing at an application's start.
   */
  static PortalTransport lazy(Supplier<PortalTransport> factory) {
    return new LazyTransport(factory);
  }

  /** Spring Boot's HTTP client settings, for the JDK transport and the token request factory. */
  static final class BootHttpClient {

    private BootHttpClient() {}

    /**
     * The settings of a client's requests: {@code spring.http.clients.*}, with the portal's
     * timeouts and SSL bundle in place of theirs, redirects never followed and no cookie store.
     */
    static HttpClientSettings settings(
        ListableBeanFactory beanFactory,
        PortalApiPropertiesMapper mapper,
        @Nullable SslBundle bundle) {
      HttpClientSettings settings =
          PortalHttpCookies.disabled(
              beanFactory
                  .getBeanProvider(HttpClientSettings.class)
                  .getIfAvailable(HttpClientSettings::defaults)
                  .withTimeouts(mapper.connectTimeout(), mapper.timeout())
                  .withRedirects(HttpRedirects.DONT_FOLLOW));
      return (bundle != null) ? settings.withSslBundle(bundle) : settings;
    }

    static PortalTransport jdkTransport(
        ListableBeanFactory beanFactory,
        PortalApiPropertiesMapper mapper,
        @Nullable SslBundle bundle) {
      // the read timeout is per request (the attempt's timeout), not the client's
      HttpClient client =
          new JdkHttpClientBuilder()
              .withCustomizer((builder) -> builder.version(HttpClient.Version.HTTP_1_1))
              .build(settings(beanFactory, mapper, bundle).withReadTimeout(null));
      return JdkHttpTransport.create(client);
    }

    static ClientHttpRequestFactory requestFactory(
        ListableBeanFactory beanFactory,
        PortalApiPropertiesMapper mapper,
        @Nullable SslBundle bundle) {
      return factoryBuilder(beanFactory, null).build(settings(beanFactory, mapper, bundle));
    }

    /**
     * Spring Boot's request factory builder ({@code spring.http.clients.imperative.factory}), or
     * the detected one; its JDK variant speaks HTTP/1.1 where the portal is plain http (or not
     * known yet), as the client's own JDK transport does: the JDK client would try an h2c upgrade
     * there, which breaks streamed uploads on some servers.
     */
    @SuppressWarnings("unchecked")
    static ClientHttpRequestFactoryBuilder<?> factoryBuilder(
        ListableBeanFactory beanFactory, @Nullable String baseUrl) {
      ClientHttpRequestFactoryBuilder<?> builder =
          beanFactory
              .getBeanProvider(ClientHttpRequestFactoryBuilder.class)
              .getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
      if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk
          && (baseUrl == null || baseUrl.regionMatches(true, 0, "http:", 0, 5))) {
        return jdk.withHttpClientCustomizer(
            (client) -> client.version(HttpClient.Version.HTTP_1_1));
      }
      return builder;
    }
  }

  /** The transport on Spring Boot's {@link RestClient.Builder}. */
  static final class RestClientTransport {

    private RestClientTransport() {}

    static Class<?> restClientBuilderType() {
      return RestClient.Builder.class;
    }

    static PortalTransport create(
        ListableBeanFactory beanFactory,
        PortalApiPropertiesMapper mapper,
        @Nullable SslBundle bundle,
        @Nullable String baseUrl) {
      RestClient.Builder builder = beanFactory.getBean(RestClient.Builder.class);
      return RestClientPortalTransport.create(
          builder,
          BootHttpClient.factoryBuilder(beanFactory, baseUrl),
          BootHttpClient.settings(beanFactory, mapper, bundle));
    }
  }

  /** Spring's JDK request factory, when Spring Boot's HTTP client module is not there. */
  static final class PlainJdk {

    private PlainJdk() {}

    static ClientHttpRequestFactory requestFactory(
        PortalApiPropertiesMapper mapper, @Nullable SslBundle bundle) {
      JdkClientHttpRequestFactory requestFactory =
          new JdkClientHttpRequestFactory(mapper.jdkHttpClient(bundle));
      requestFactory.setReadTimeout(mapper.timeout());
      return requestFactory;
    }
  }

  /** A transport made on its first request. */
  private static final class LazyTransport implements PortalTransport {

    private final Supplier<PortalTransport> factory;

    private volatile @Nullable PortalTransport transport;

    LazyTransport(Supplier<PortalTransport> factory) {
      this.factory = factory;
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws IOException {
      return transport().exchange(request);
    }

    private PortalTransport transport() {
      PortalTransport made = this.transport;
      if (made == null) {
        synchronized (this) {
          made = this.transport;
          if (made == null) {
            made = this.factory.get();
            this.transport = made;
          }
        }
      }
      return made;
    }

    @Override
    public String toString() {
      PortalTransport made = this.transport;
      return (made != null) ? made.toString() : "JdkHttpTransport[not connected yet]";
    }
  }
}
