package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.TokenSource;
import com.winwinmbs.portal.api.http.PortalTransport;
import com.winwinmbs.portal.api.observation.PortalObservationConvention;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.StandardMethodMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Auto-configuration for {@link PortalApiClient}: the default client built from {@code
 * portal.api.*} and its transport, the named clients of {@code portal.api.clients.<name>.*}, and a
 * prototype {@link PortalApiClient.Builder} for clients built in code.
 *
 * <p>A {@link PortalApiClient} bean of the application's replaces the default client (and its
 * transport), unless its {@code @Bean} method takes a {@code PortalApiClient}: a client derived
 * from the default one ({@code toBuilder()}) is a second client beside it. The default client is
 * {@code @Primary}; a named client is injected by its name ({@code @Qualifier("billing")}) and is
 * never a candidate for an unqualified {@code PortalApiClient}. The transport ({@link
 * PortalTransport}) and the observation convention ({@link PortalObservationConvention}) can be
 * replaced by a bean of the same type. The namespace beans and the health indicator come from
 * {@link PortalApiNamespaceAutoConfiguration}.
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
@Import(PortalApiAutoConfiguration.NamedClientsRegistrar.class)
public final class PortalApiAutoConfiguration {

  /** Bean-definition attribute holding a named client's name. */
  static final String CLIENT_NAME_ATTRIBUTE =
      PortalApiAutoConfiguration.class.getName() + ".client";

  @Bean(PortalApiClientFactory.BEAN_NAME)
  PortalApiClientFactory portalApiClientFactory(ApplicationContext context) {
    return new PortalApiClientFactory(context);
  }

  /**
   * A new builder for each injection point, for clients built in code (Spring Boot's {@code
   * RestClient.Builder} bean is the model): the transport on the portal's HTTP settings, {@code
   * portal.api.*}'s timeouts, retries and limits, observations tagged {@code client=custom}, the
   * interceptors and customizers; the base URL, credentials and tenant are the caller's to set.
   */
  @Bean
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  @ConditionalOnMissingBean
  PortalApiClient.Builder portalApiClientBuilder(
      PortalApiClientFactory factory, PortalApiProperties properties) {
    return factory.builder(properties);
  }

  /** The default client of {@code portal.api.*} and its transport. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnNoApplicationClientCondition.class)
  static class DefaultClientConfiguration {

    /**
     * The transport of {@code portal.api.http-client}: the JDK's HttpClient on Spring Boot's HTTP
     * client settings (the default), or RestClient.
     */
    @Bean
    @ConditionalOnMissingBean
    PortalTransport portalApiTransport(
        PortalApiClientFactory factory, PortalApiProperties properties) {
      return factory.defaultTransport(properties);
    }

    /**
     * The default client. Its token source is the application's only {@link TokenSource} bean (the
     * one the {@code portal.api.auth.*} mode contributes, or the application's own), or the
     * {@code @Primary} one among several, if any.
     */
    @Bean
    @Primary
    PortalApiClient portalApiClient(
        PortalApiClientFactory factory,
        PortalApiProperties properties,
        ListableBeanFactory beanFactory,
        ObjectProvider<TokenSource> tokenSource,
        PortalTransport portalApiTransport) {
      TokenSource source = tokenSource(tokenSource, beanFactory);
      if (source == null) {
        PortalApiAuthAutoConfiguration.requireNoAuthAtRunTime(properties.getAuth());
      }
      return new PortalApiPropertiesMapper(properties)
          .build(
              factory.configured(
                  PortalApiClientFactory.DEFAULT_CLIENT, properties, source, portalApiTransport));
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
  }

  /**
   * Registers one client bean per name under {@code portal.api.clients}: bean {@code
   * <name>PortalApiClient}, qualifier {@code <name>}, not a candidate for an unqualified injection
   * point, made by {@link PortalApiClientFactory#named}. With AOT processing the names are read
   * when the application is built.
   */
  static final class NamedClientsRegistrar
      implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      if (this.environment == null) {
        return;
      }
      for (String name : PortalApiClientFactory.clientNames(Binder.get(this.environment))) {
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(PortalApiClient.class);
        definition.setFactoryBeanName(PortalApiClientFactory.BEAN_NAME);
        definition.setFactoryMethodName("named");
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
        definition.setDefaultCandidate(false);
        definition.setAttribute(CLIENT_NAME_ATTRIBUTE, name);
        registry.registerBeanDefinition(PortalApiClientFactory.beanName(name), definition);
      }
    }
  }

  /**
   * Matches unless the application defines a {@link PortalApiClient} bean of its own that does not
   * derive from the default one: named clients are not counted, nor a bean whose factory method
   * takes a {@code PortalApiClient} (it needs the default client, so replacing it would leave the
   * bean waiting on itself).
   */
  static final class OnNoApplicationClientCondition extends SpringBootCondition
      implements ConfigurationCondition {

    @Override
    public ConfigurationPhase getConfigurationPhase() {
      return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      ConditionMessage.Builder message =
          ConditionMessage.forCondition("no application PortalApiClient");
      ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
      if (beanFactory == null) {
        return ConditionOutcome.match(message.because("there is no bean factory"));
      }
      for (String name : beanFactory.getBeanNamesForType(PortalApiClient.class, true, false)) {
        BeanDefinition definition =
            beanFactory.containsBeanDefinition(name) ? beanFactory.getBeanDefinition(name) : null;
        if (definition != null
            && (definition.getAttribute(CLIENT_NAME_ATTRIBUTE) != null
                || derivesFromAClient(definition, context.getClassLoader()))) {
          continue;
        }
        return ConditionOutcome.noMatch(message.found("application client").items(name));
      }
      return ConditionOutcome.match(message.didNotFind("application client").atAll());
    }

    /** Whether the bean's factory method takes a client (or a provider of one). */
    static boolean derivesFromAClient(
        BeanDefinition definition, @Nullable ClassLoader classLoader) {
      if (!(definition instanceof AnnotatedBeanDefinition annotated)
          || annotated.getFactoryMethodMetadata() == null) {
        return false;
      }
      MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
      List<Method> candidates = new ArrayList<>();
      if (factoryMethod instanceof StandardMethodMetadata standard) {
        candidates.add(standard.getIntrospectedMethod());
      } else {
        try {
          Class<?> declaring =
              ClassUtils.forName(factoryMethod.getDeclaringClassName(), classLoader);
          for (Method method : ReflectionUtils.getUniqueDeclaredMethods(declaring)) {
            if (method.getName().equals(factoryMethod.getMethodName())) {
              candidates.add(method);
            }
          }
        } catch (ClassNotFoundException | LinkageError ex) {
          return false;
        }
      }
      for (Method method : candidates) {
        for (int i = 0; i < method.getParameterCount(); i++) {
          ResolvableType type = ResolvableType.forMethodParameter(method, i);
          if (PortalApiClient.class.equals(type.resolve())
              || (type.hasGenerics()
                  && PortalApiClient.class.equals(type.getGeneric(0).resolve()))) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
