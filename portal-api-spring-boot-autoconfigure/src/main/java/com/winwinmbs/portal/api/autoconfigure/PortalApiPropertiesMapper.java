package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

/**
 * Maps {@link PortalApiProperties} onto a {@link PortalApiClient.Builder}: the one place where a
 * {@code portal.api.*} property becomes a client setting, and where a setting the client refuses is
 * turned into a {@link PortalApiConfigurationException} that names the property.
 */
final class PortalApiPropertiesMapper {

  static final String EXAMPLE_URL = "https://api.winwinmbs.com";

  private static final Pattern SCOPE_SEPARATORS = Pattern.compile("[\\s,]+");

  /** The core builders' names of settings, and the properties that set them. */
  private static final Map<String, String> PROPERTY_OF_SETTING =
      Map.of(
          "apiUrl", "portal.api.base-url",
          "apiKey", "portal.api.api-key",
          "tenantId", "portal.api.tenant-id",
          "userAgent", "portal.api.user-agent",
          "tokenEndpoint", "portal.api.auth.token-endpoint",
          "refreshSkew", "portal.api.auth.refresh-skew",
          "timeout", "portal.api.timeout",
          "callTimeout", "portal.api.call-timeout",
          "maxResponseSize", "portal.api.max-response-size",
          "guideBasePath", "portal.api.guide-base-path");

  private final PortalApiProperties properties;

  PortalApiPropertiesMapper(PortalApiProperties properties) {
    this.properties = properties;
  }

  /** Applies every client property to the builder. */
  void map(PortalApiClient.Builder builder) {
    PropertyMapper map = PropertyMapper.get();
    map.from(baseUrl()).to(builder::apiUrl);
    // header values are checked as they are set (a CR or LF would break the header)
    map.from(this.properties::getApiKey)
        .to((apiKey) -> apply("portal.api.api-key", () -> builder.apiKey(apiKey)));
    map.from(this.properties::getTenantId)
        .to((tenantId) -> apply("portal.api.tenant-id", () -> builder.tenantId(tenantId)));
    builder.allowInsecureHttp(this.properties.isAllowInsecureHttp());
    mapCallSettings(builder);
  }

  /**
   * Applies the properties that do not depend on which portal is called: timeouts, retries, size
   * limits, the User-Agent suffix and the guide's path prefix. Not the base URL, the credentials or
   * the tenant, which belong to one portal.
   */
  void mapCallSettings(PortalApiClient.Builder builder) {
    PropertyMapper map = PropertyMapper.get();
    builder.timeout(timeout());
    builder.connectTimeout(connectTimeout());
    map.from(this.properties::getUserAgent)
        .to((userAgent) -> apply("portal.api.user-agent", () -> builder.userAgent(userAgent)));
    builder.retryPolicy(retryPolicy());
    map.from(this.properties::getCallTimeout)
        .to(
            (callTimeout) ->
                apply("portal.api.call-timeout", () -> builder.callTimeout(callTimeout)));
    map.from(this.properties::getMaxResponseSize)
        .to(
            (size) ->
                apply(
                    "portal.api.max-response-size", () -> builder.maxResponseSize(size.toBytes())));
    map.from(this.properties::getGuideBasePath)
        .to((prefix) -> apply("portal.api.guide-base-path", () -> builder.guideBasePath(prefix)));
  }

  /**
   * The validated base URL.
   *
   * @throws PortalApiConfigurationException when {@code portal.api.base-url} is missing or
   *     malformed
   */
  String baseUrl() {
    String baseUrl = this.properties.getBaseUrl();
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new PortalApiConfigurationException(
          "portal.api.base-url is not set; the portal client needs it.",
          "Set portal.api.base-url to the portal's base URL, for example " + EXAMPLE_URL + ".");
    }
    try {
      PortalApiClient.builder().apiUrl(baseUrl); // the client's own check: one rule for both
      return baseUrl.trim();
    } catch (IllegalArgumentException ex) {
      // The core's message never echoes user info, so it is safe to show.
      throw new PortalApiConfigurationException(
          "portal.api.base-url is not valid: "
              + withoutSettingName(String.valueOf(ex.getMessage()), "apiUrl"),
          "Set portal.api.base-url to an absolute http(s) URL without query or credentials, for example "
              + EXAMPLE_URL
              + ".");
    }
  }

  /**
   * Builds the client, naming the property to fix when the client refuses a setting.
   *
   * @throws PortalApiConfigurationException when the settings cannot make a client
   */
  PortalApiClient build(PortalApiClient.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException ex) {
      String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
      if (message.contains("plain http")) {
        URI uri = URI.create(baseUrl());
        throw new PortalApiConfigurationException(
            "portal.api.base-url uses plain http to "
                + uri.getHost()
                + ", so tokens and API keys would travel unencrypted.",
            "Use an https URL, or set portal.api.allow-insecure-http=true on a trusted network.");
      }
      throw new PortalApiConfigurationException(
          "The portal client settings are not valid: " + namingProperties(message),
          "Correct the portal.api.* property the message names, or the PortalApiClientCustomizer that set it.");
    }
  }

  /**
   * The scope parameter of a token request: the listed scopes, each of which may itself hold
   * several separated by spaces or commas, joined by single spaces; null when there are none.
   */
  static @Nullable String scope(@Nullable List<String> scopes) {
    if (scopes == null) {
      return null;
    }
    StringJoiner joined = new StringJoiner(" ");
    for (String scope : scopes) {
      if (scope != null) {
        for (String each : SCOPE_SEPARATORS.split(scope.trim())) {
          if (!each.isEmpty()) {
            joined.add(each);
          }
        }
      }
    }
    return (joined.length() > 0) ? joined.toString() : null;
  }

  /**
   * A message of the core's builders with the builder's name for a setting replaced by the property
   * that sets it, so a startup report never tells the user to call a method they never called.
   */
  static String namingProperties(String message) {
    for (Map.Entry<String, String> setting : PROPERTY_OF_SETTING.entrySet()) {
      if (message.startsWith(setting.getKey() + " ")) {
        return setting.getValue() + message.substring(setting.getKey().length());
      }
    }
    return message;
  }

  /** The message without its leading setting name, when the caller names the property itself. */
  private static String withoutSettingName(String message, String setting) {
    return message.startsWith(setting + " ") ? message.substring(setting.length() + 1) : message;
  }

  /**
   * Whether the URL's host is loopback by the client's own rule (a loopback literal or a {@code
   * localhost} name, never a name that merely resolves there).
   */
  static boolean isLoopback(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getHost() == null) {
      return false;
    }
    String origin = "http://" + uri.getRawAuthority();
    try {
      // the client refuses credentials over plain http to any host that is not loopback; the
      // transport is never called
      PortalApiClient.builder()
          .apiUrl(origin)
          .apiKey("probe")
          .transport(
              (request) -> {
                throw new IOException("never sent");
              })
          .build();
      return true;
    } catch (IllegalArgumentException ex) {
      return false;
    }
  }

  /** The validated {@code portal.api.timeout}. */
  Duration timeout() {
    return positive("portal.api.timeout", this.properties.getTimeout());
  }

  /** The validated {@code portal.api.connect-timeout}. */
  Duration connectTimeout() {
    return positive("portal.api.connect-timeout", this.properties.getConnectTimeout());
  }

  /** The retry policy of {@code portal.api.retry.*}. */
  RetryPolicy retryPolicy() {
    PortalApiProperties.Retry retry = this.properties.getRetry();
    return apply(
        "portal.api.retry",
        () ->
            new RetryPolicy(
                retry.getMaxAttempts(),
                retry.getInitialBackoff(),
                retry.getMaxBackoff(),
                retry.getMaxRateLimitWait()));
  }

  /** The SSL bundle of {@code portal.api.ssl.bundle}, or null when none is named. */
  @Nullable SslBundle sslBundle(@Nullable SslBundles sslBundles) {
    String name = this.properties.getSsl().getBundle();
    if (name == null || name.isBlank()) {
      return null;
    }
    if (sslBundles == null) {
      throw new PortalApiConfigurationException(
          "portal.api.ssl.bundle is set to '" + name + "' but no SSL bundles are configured.",
          "Define the bundle under spring.ssl.bundle.jks."
              + name
              + " or spring.ssl.bundle.pem."
              + name
              + ", or remove portal.api.ssl.bundle.");
    }
    try {
      return sslBundles.getBundle(name);
    } catch (NoSuchSslBundleException ex) {
      throw new PortalApiConfigurationException(
          "portal.api.ssl.bundle names the SSL bundle '" + name + "', which is not configured.",
          "Define it under spring.ssl.bundle.jks."
              + name
              + " or spring.ssl.bundle.pem."
              + name
              + ", or correct portal.api.ssl.bundle.");
    }
  }

  /**
   * A JDK {@link HttpClient} for the portal without Spring Boot's HTTP client settings (when {@code
   * spring-boot-http-client} is not on the class path): the connect timeout and the SSL bundle,
   * HTTP/1.1, redirects never followed.
   */
  HttpClient jdkHttpClient(@Nullable SslBundle bundle) {
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout());
    if (bundle != null) {
      client.sslContext(bundle.createSslContext());
      SslOptions options = bundle.getOptions();
      if (options.isSpecified()) {
        SSLParameters parameters = new SSLParameters();
        parameters.setCipherSuites(options.getCiphers());
        parameters.setProtocols(options.getEnabledProtocols());
        client.sslParameters(parameters);
      }
    }
    return client.build();
  }

  private static Duration positive(String property, @Nullable Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new PortalApiConfigurationException(
          property + " is not valid: it must be a positive duration, not " + duration + ".",
          "Set " + property + " to a positive duration such as 30s or 500ms.");
    }
    return duration;
  }

  private static <T> T apply(String property, Supplier<T> setting) {
    try {
      return setting.get();
    } catch (IllegalArgumentException ex) {
      String message = namingProperties(String.valueOf(ex.getMessage()));
      if (message.startsWith(property + " ")) {
        // a header value: the message names the property and never echoes the value
        throw new PortalApiConfigurationException(
            message + ".",
            "Set "
                + property
                + " without line breaks or NUL characters (check the secret store"
                + " or environment variable it comes from for a trailing newline).");
      }
      throw new PortalApiConfigurationException(
          property + " is not valid: " + message,
          "Correct "
              + property
              + ": at least 1 attempt, and backoffs that are not negative with the maximum no"
              + " shorter than the initial one.");
    }
  }
}
