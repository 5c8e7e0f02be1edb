package com.winwinmbs.portal.api.autoconfigure;

/** The HTTP client a portal client sends its requests with ({@code portal.api.http-client}). */
public enum PortalHttpClient {

  /**
   * The core's {@code JdkHttpTransport} on a JDK {@code HttpClient} built from Spring Boot's HTTP
   * client settings: connect timeout and SSL bundle, HTTP/1.1, redirects never followed. Calls
   * block on the calling thread and start no thread per request.
   */
  JDK,

  /**
   * {@code RestClientPortalTransport} on Spring Boot's {@code RestClient.Builder}: {@code
   * RestClientCustomizer}s, the request factory of {@code spring.http.clients.*} and the {@code
   * http.client.requests} metric apply.
   */
  REST_CLIENT
}
