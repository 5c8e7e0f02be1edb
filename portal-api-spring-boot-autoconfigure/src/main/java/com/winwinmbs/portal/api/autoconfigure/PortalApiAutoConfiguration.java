package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.auth.AuthApi;
import com.winwinmbs.portal.api.email.EmailApi;
import com.winwinmbs.portal.api.eventlog.EventLogApi;
import com.winwinmbs.portal.api.files.FilesApi;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.line.LineApi;
import com.winwinmbs.portal.api.mcptoken.McpTokenApi;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import com.winwinmbs.portal.api.organization.OrganizationApi;
import com.winwinmbs.portal.api.otp.OtpApi;
import com.winwinmbs.portal.api.permission.PermissionApi;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryApi;
import com.winwinmbs.portal.api.role.RoleApi;
import com.winwinmbs.portal.api.systemconfig.SystemConfigApi;
import com.winwinmbs.portal.api.tenant.TenantApi;
import com.winwinmbs.portal.api.todo.TodoApi;
import com.winwinmbs.portal.api.user.UserApi;
import com.winwinmbs.portal.api.webhook.WebhookApi;
import com.winwinmbs.portal.api.workflow.WorkflowApi;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for {@link PortalApiClient}: the client built from {@code portal.api.*}, one
 * bean per namespace, the RestClient transport, observations and the {@code portal} health
 * indicator.
 *
 * <p>A {@link PortalApiClient} bean of the application's replaces the auto-configured client (and
 * its transport); the namespace beans and the health indicator then use the application's client.
 * Each namespace bean, the transport ({@link PortalTransport}) and the observation convention
 * ({@link PortalObservationConvention}) can be replaced by a bean of the same type.
 */
// Optional modules are named, not referenced, so an application without them loads this class
// without a TypeNotPresentException warning.
@AutoConfiguration(
    after = SslAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
      "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "com.winwinmbs.portal.api.autoconfigure.PortalApiAuthAutoConfiguration"
    })
@ConditionalOnClass(PortalApiClient.class)
@EnableConfigurationProperties(PortalApiProperties.class)
@ImportRuntimeHints(PortalApiRuntimeHints.class)
public final class PortalApiAutoConfiguration {

  /**
   * The client. Its token source is the application's only {@link TokenSource} bean (the one the
   * {@code portal.api.auth.*} mode contributes, or the application's own), or the {@code @Primary}
   * one among several, if any.
   */
  @Bean
  @ConditionalOnMissingBean
  PortalApiClient portalApiClient(
      PortalApiProperties properties,
      ListableBeanFactory beanFactory,
      ObjectProvider<TokenSource> tokenSource,
      ObjectProvider<PortalTransport> transport,
      ObjectProvider<SslBundles> sslBundles,
      ObjectProvider<ObservationRegistry> observationRegistry,
      ObjectProvider<PortalObservationConvention> observationConvention,
      ObjectProvider<PortalInterceptor> interceptors,
      ObjectProvider<PortalApiClientCustomizer> customizers) {
    PortalApiPropertiesMapper mapper = new PortalApiPropertiesMapper(properties);
    PortalApiClient.Builder builder = PortalApiClient.builder();
    mapper.map(builder);
    ObservationRegistry registry =
        observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP);
    builder.observationRegistry(registry);
    builder.observationConvention(observationConvention.getIfAvailable());
    TokenSource source = tokenSource(tokenSource, beanFactory);
    if (source == null) {
      PortalApiAuthAutoConfiguration.requireNoAuthAtRunTime(properties.getAuth());
    } else {
      builder.tokenSource(source);
    }
    builder.transport(
        transport.getIfAvailable(() -> mapper.jdkTransport(sslBundles.getIfAvailable())));
    interceptors.orderedStream().forEach(builder::addInterceptor);
    customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
    if (NonBlockingThreadCheck.REACTOR_PRESENT) {
      // first of all, before a token is fetched: a blocking call must not start on an event loop
      builder.interceptors().add(0, NonBlockingThreadCheck.INTERCEPTOR);
    }
    return mapper.build(builder);
  }

  /**
   * The unique (or primary) token source bean, or null when there is none.
   *
   * @throws PortalApiConfigurationException when several are candidates and none is primary: a
   *     client without the token the configuration asked for must not start
   */
  private static @Nullable TokenSource tokenSource(
      ObjectProvider<TokenSource> tokenSource, ListableBeanFactory beanFactory) {
    TokenSource source = tokenSource.getIfUnique();
    String[] names = beanFactory.getBeanNamesForType(TokenSource.class);
    if (source == null && names.length > 1) {
      throw new PortalApiConfigurationException(
          "The portal client takes its token from the application's TokenSource bean, but there are "
              + names.length
              + " and none is @Primary: "
              + String.join(", ", names)
              + ".",
          "Mark the one the portal client should use @Primary, keep only one TokenSource bean, or "
              + "define your own PortalApiClient bean with the token source it should use.");
    }
    return source;
  }

  /**
   * The namespaces of the client, one bean each, named {@code portal<Name>Api}: inject these rather
   * than the client. They come from whichever {@link PortalApiClient} bean exists, the
   * application's included.
   */
  @Configuration(proxyBeanMethods = false)
  static class NamespaceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HealthApi portalHealthApi(PortalApiClient client) {
      return client.health();
    }

    @Bean
    @ConditionalOnMissingBean
    UserApi portalUserApi(PortalApiClient client) {
      return client.user();
    }

    @Bean
    @ConditionalOnMissingBean
    OrganizationApi portalOrganizationApi(PortalApiClient client) {
      return client.organization();
    }

    @Bean
    @ConditionalOnMissingBean
    RoleApi portalRoleApi(PortalApiClient client) {
      return client.role();
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionApi portalPermissionApi(PortalApiClient client) {
      return client.permission();
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionCategoryApi portalPermissionCategoryApi(PortalApiClient client) {
      return client.permissionCategory();
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowApi portalWorkflowApi(PortalApiClient client) {
      return client.workflow();
    }

    @Bean
    @ConditionalOnMissingBean
    TodoApi portalTodoApi(PortalApiClient client) {
      return client.todo();
    }

    @Bean
    @ConditionalOnMissingBean
    FilesApi portalFilesApi(PortalApiClient client) {
      return client.files();
    }

    @Bean
    @ConditionalOnMissingBean
    EmailApi portalEmailApi(PortalApiClient client) {
      return client.email();
    }

    @Bean
    @ConditionalOnMissingBean
    OtpApi portalOtpApi(PortalApiClient client) {
      return client.otp();
    }

    @Bean
    @ConditionalOnMissingBean
    LineApi portalLineApi(PortalApiClient client) {
      return client.line();
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookApi portalWebhookApi(PortalApiClient client) {
      return client.webhook();
    }

    @Bean
    @ConditionalOnMissingBean
    SystemConfigApi portalSystemConfigApi(PortalApiClient client) {
      return client.systemConfig();
    }

    @Bean
    @ConditionalOnMissingBean
    EventLogApi portalEventLogApi(PortalApiClient client) {
      return client.eventLog();
    }

    @Bean
    @ConditionalOnMissingBean
    AuthApi portalAuthApi(PortalApiClient client) {
      return client.auth();
    }

    @Bean
    @ConditionalOnMissingBean
    TenantApi portalTenantApi(PortalApiClient client) {
      return client.tenant();
    }

    @Bean
    @ConditionalOnMissingBean
    McpTokenApi portalMcpTokenApi(PortalApiClient client) {
      return client.mcpToken();
    }
  }

  /** The transport on Boot's {@link RestClient.Builder}, when RestClient is auto-configured. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({RestClient.class, ClientHttpRequestFactoryBuilder.class})
  @ConditionalOnBean(RestClient.Builder.class)
  @ConditionalOnMissingBean(PortalApiClient.class)
  static class RestClientTransportConfiguration {

    private static final String MOCK_REST_SERVICE_SERVER_CUSTOMIZER =
        "org.springframework.boot.restclient.test.MockServerRestClientCustomizer";

    /**
     * Boot's request factory and {@code spring.http.clients.*} settings, with the portal's timeouts
     * and SSL bundle, and redirects never followed.
     */
    @Bean
    @ConditionalOnMissingBean(PortalTransport.class)
    RestClientPortalTransport portalApiTransport(
        PortalApiProperties properties,
        RestClient.Builder restClientBuilder,
        ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
        ObjectProvider<HttpClientSettings> httpClientSettings,
        ObjectProvider<SslBundles> sslBundles,
        ListableBeanFactory beanFactory) {
      PortalApiPropertiesMapper mapper = new PortalApiPropertiesMapper(properties);
      requireLocalPortalUnderMockRestServiceServer(mapper, beanFactory);
      HttpClientSettings settings =
          httpClientSettings
              .getIfAvailable(HttpClientSettings::defaults)
              .withTimeouts(mapper.connectTimeout(), mapper.timeout());
      SslBundle bundle = mapper.sslBundle(sslBundles.getIfAvailable());
      if (bundle != null) {
        settings = settings.withSslBundle(bundle);
      }
      ClientHttpRequestFactoryBuilder<?> factoryBuilder =
          requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
      if (factoryBuilder instanceof JdkClientHttpRequestFactoryBuilder jdk
          && isPlainHttp(mapper.baseUrl())) {
        // On plain http the JDK client would try an h2c upgrade, which breaks streamed uploads on
        // some
        // servers; it speaks HTTP/1.1 there, as the client's own JDK transport does everywhere.
        factoryBuilder =
            jdk.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1));
      }
      return RestClientPortalTransport.create(restClientBuilder, factoryBuilder, settings);
    }

    private static boolean isPlainHttp(String baseUrl) {
      return baseUrl.regionMatches(true, 0, "http:", 0, 5);
    }

    /**
     * A test that mocks RestClient with MockRestServiceServer expects no real HTTP, but the
     * portal's calls (and token requests) do not go through it: the transport sets its own request
     * factory. Rather than let them reach a real portal, such a test must point the client at a
     * local stand-in (the mock portal of {@code @AutoConfigureMockPortal}, WireMock).
     */
    private static void requireLocalPortalUnderMockRestServiceServer(
        PortalApiPropertiesMapper mapper, ListableBeanFactory beanFactory) {
      if (!ClassUtils.isPresent(
          MOCK_REST_SERVICE_SERVER_CUSTOMIZER, beanFactory.getClass().getClassLoader())) {
        return;
      }
      Class<?> customizer =
          ClassUtils.resolveClassName(
              MOCK_REST_SERVICE_SERVER_CUSTOMIZER, beanFactory.getClass().getClassLoader());
      String baseUrl = mapper.baseUrl();
      if (beanFactory.getBeanNamesForType(customizer, true, false).length == 0
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
  }

  /**
   * The {@code portal} health indicator, asked only when the health endpoint is, with its own
   * timeout ({@code management.health.portal.timeout}) and no retries.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("portal")
  @EnableConfigurationProperties(PortalApiHealthProperties.class)
  static class HealthIndicatorConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "portalHealthIndicator")
    HealthIndicator portalHealthIndicator(
        PortalApiClient client, PortalApiHealthProperties properties) {
      return PortalApiHealthIndicator.of(client, properties.getTimeout());
    }
  }
}
