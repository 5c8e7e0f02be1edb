package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalInterceptor;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;

/**
 * Makes the starter's clients, so the default client, the named ones of {@code
 * portal.api.clients.<name>.*} and the builder bean are wired alike: properties mapped,
 * observations tagged with the client's name, the tenant resolver, the application's interceptors
 * and customizers, the event-loop check first.
 */
final class PortalApiClientFactory implements DisposableBean {

  /** The bean name of the factory, which the named clients' bean definitions call. */
  static final String BEAN_NAME = "portalApiClientFactory";

  /** The {@code client} tag of the default client. */
  static final String DEFAULT_CLIENT = "default";

  /** The {@code client} tag of clients built from the builder bean. */
  static final String CUSTOM_CLIENT = "custom";

  /** The names a client under {@code portal.api.clients} may have. */
  static final Pattern CLIENT_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final ApplicationContext context;

  private final PortalTransports transports;

  private final List<AutoCloseable> closeables = new ArrayList<>();

  private volatile @Nullable PortalTransport builderTransport;

  PortalApiClientFactory(ApplicationContext context) {
    this.context = context;
    this.transports = new PortalTransports(context);
  }

  /** The transport of the default client ({@code portal.api.*}). */
  PortalTransport defaultTransport(PortalApiProperties properties) {
    return this.transports.transport(
        properties, new PortalApiPropertiesMapper(properties).baseUrl());
  }

  /**
   * A builder wired with everything but what the caller adds: the properties, observations tagged
   * with the client's name, the tenant resolver and the application's interceptors and customizers.
   */
  PortalApiClient.Builder configured(
      String name,
      PortalApiProperties properties,
      @Nullable TokenSource tokenSource,
      PortalTransport transport) {
    PortalApiClient.Builder builder = PortalApiClient.builder();
    new PortalApiPropertiesMapper(properties).map(builder);
    // several resolvers without a primary fail here: a tenant must never be a guess
    PortalTenantResolver tenants =
        this.context.getBeanProvider(PortalTenantResolver.class).getIfAvailable();
    List<PortalInterceptor> first = new ArrayList<>();
    if (tenants != null) {
      // the resolver's interceptor sends the property's tenant when it finds none
      builder.tenantId(null);
      first.add(new TenantInterceptor(tenants, properties.getTenantId()));
    }
    builder.tokenSource(tokenSource);
    builder.transport(transport);
    return wire(builder, name, first);
  }

  /**
   * A prototype builder for clients built in code: the portal-independent settings of {@code
   * portal.api.*} (timeouts, retries, limits), a shared transport on its HTTP settings,
   * observations tagged {@code client=custom}, the interceptors and customizers. No base URL, token
   * source, API key or tenant: those belong to the portal the code builds a client for.
   */
  PortalApiClient.Builder builder(PortalApiProperties properties) {
    PortalApiClient.Builder builder = PortalApiClient.builder();
    new PortalApiPropertiesMapper(properties).mapCallSettings(builder);
    builder.transport(builderTransport(properties));
    return wire(builder, CUSTOM_CLIENT, List.of());
  }

  private PortalTransport builderTransport(PortalApiProperties properties) {
    PortalTransport transport = this.builderTransport;
    if (transport == null) {
      synchronized (this) {
        transport = this.builderTransport;
        if (transport == null) {
          transport = closing(this.transports.transport(properties, null));
          this.builderTransport = transport;
        }
      }
    }
    return transport;
  }

  /**
   * The client named {@code name} under {@code portal.api.clients}, with what it does not set taken
   * from {@code portal.api.*}. Called by the client's bean definition.
   *
   * @throws PortalApiConfigurationException naming the client when its settings cannot make one
   */
  PortalApiClient named(String name) {
    PortalApiProperties properties = properties(name);
    try {
      PortalApiPropertiesMapper mapper = new PortalApiPropertiesMapper(properties);
      PortalTransport transport = closing(this.transports.transport(properties, mapper.baseUrl()));
      TokenSource tokenSource =
          PortalApiAuthAutoConfiguration.namedClientTokenSource(
              properties, transport, this.context);
      return mapper.build(configured(name, properties, tokenSource, transport));
    } catch (PortalApiConfigurationException ex) {
      throw new PortalApiConfigurationException(
          "The portal client '"
              + name
              + "' (portal.api.clients."
              + name
              + ".*, which takes what it does not set from portal.api.*): "
              + ex.description(),
          ex.action()
              + " To change it for this client only, set the property under portal.api.clients."
              + name
              + " instead of portal.api.");
    }
  }

  /**
   * The properties of the named client: {@code portal.api.*}, with {@code
   * portal.api.clients.<name>.*} bound over them, so a setting the client does not give is the
   * default client's.
   */
  PortalApiProperties properties(String name) {
    Binder binder = Binder.get(this.context.getEnvironment());
    PortalApiProperties properties =
        binder.bind("portal.api", PortalApiProperties.class).orElseGet(PortalApiProperties::new);
    properties.setClients(new LinkedHashMap<>());
    binder.bind("portal.api.clients." + name, Bindable.ofInstance(properties));
    if (!properties.getClients().isEmpty()) {
      throw new PortalApiConfigurationException(
          "portal.api.clients."
              + name
              + ".clients is set, but named clients do not nest: each is one client.",
          "Declare each client directly under portal.api.clients.");
    }
    return properties;
  }

  /**
   * The names under {@code portal.api.clients}, each checked.
   *
   * @throws PortalApiConfigurationException for a name that cannot be a client's
   */
  static List<String> clientNames(Binder binder) {
    Map<String, Object> clients =
        binder
            .bind("portal.api.clients", Bindable.mapOf(String.class, Object.class))
            .orElseGet(Map::of);
    List<String> names = new ArrayList<>();
    for (String name : clients.keySet()) {
      if (!CLIENT_NAME.matcher(name).matches()) {
        throw new PortalApiConfigurationException(
            "portal.api.clients has a client named '"
                + name
                + "'; a client's name is its bean qualifier and a metrics tag.",
            "Name it with lowercase letters, digits and dashes, starting with a letter, such as"
                + " billing or hr-portal.");
      }
      if (DEFAULT_CLIENT.equals(name) || CUSTOM_CLIENT.equals(name)) {
        throw new PortalApiConfigurationException(
            "portal.api.clients has a client named '"
                + name
                + "', a name the starter gives "
                + (DEFAULT_CLIENT.equals(name)
                    ? "the client of portal.api.* itself."
                    : "the clients built from the PortalApiClient.Builder bean."),
            "Set the default client's settings directly under portal.api, and give the named"
                + " client another name.");
      }
      names.add(name);
    }
    return names;
  }

  /** The bean name of a named client. */
  static String beanName(String name) {
    return name + "PortalApiClient";
  }

  private PortalApiClient.Builder wire(
      PortalApiClient.Builder builder, String name, List<PortalInterceptor> first) {
    builder.observationRegistry(
        this.context
            .getBeanProvider(ObservationRegistry.class)
            .getIfAvailable(() -> ObservationRegistry.NOOP));
    builder.observationConvention(
        new ClientNameObservationConvention(
            this.context.getBeanProvider(PortalObservationConvention.class).getIfAvailable(),
            name));
    first.forEach(builder::addInterceptor);
    this.context
        .getBeanProvider(PortalInterceptor.class)
        .orderedStream()
        .forEach(builder::addInterceptor);
    this.context
        .getBeanProvider(PortalApiClientCustomizer.class)
        .orderedStream()
        .forEach((customizer) -> customizer.customize(builder));
    if (NonBlockingThreadCheck.REACTOR_PRESENT) {
      // first of all, before a token is fetched: a blocking call must not start on an event loop
      builder.interceptors().add(0, NonBlockingThreadCheck.INTERCEPTOR);
    }
    return builder;
  }

  private PortalTransport closing(PortalTransport transport) {
    if (transport instanceof AutoCloseable closeable) {
      synchronized (this.closeables) {
        this.closeables.add(closeable);
      }
    }
    return transport;
  }

  /** Releases the connection pools of the transports made for named clients and the builder. */
  @Override
  public void destroy() throws Exception {
    List<AutoCloseable> open;
    synchronized (this.closeables) {
      open = new ArrayList<>(this.closeables);
      this.closeables.clear();
    }
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  @Override
  public String toString() {
    return "PortalApiClientFactory";
  }
}
