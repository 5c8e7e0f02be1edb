package com.winwinmbs.portal.api;

import com.winwinmbs.portal.api.http.Headers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options for one call: extra headers, a timeout, an idempotency key, a tenant, a token source.
 * Immutable; a namespace's {@code withOptions(options)} returns a view whose every call uses them.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .idempotencyKey("order-42-approval")
 *     .timeout(Duration.ofSeconds(5))
 *     .build();
 * portal.workflow().withOptions(options).approve(taskId, decision);
 * }</pre>
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new RequestOptions(builder());

  /** The largest body a client can be told to read into memory: what one array holds. */
  public static final long MAX_RESPONSE_SIZE = Integer.MAX_VALUE - 8;

  private final Headers headers;
  private final @Nullable Duration timeout;
  private final @Nullable Duration callTimeout;
  private final @Nullable Long maxResponseSize;
  private final @Nullable String idempotencyKey;
  private final @Nullable String tenantId;
  private final @Nullable TokenSource tokenSource;

  private RequestOptions(Builder builder) {
    this.headers = builder.headers.build();
    this.timeout = builder.timeout;
    this.callTimeout = builder.callTimeout;
    this.maxResponseSize = builder.maxResponseSize;
    this.idempotencyKey = builder.idempotencyKey;
    this.tenantId = builder.tenantId;
    this.tokenSource = builder.tokenSource;
  }

  /** No options: the client's settings apply. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Headers added to the request; each replaces the client's header of the same name. An {@code
   * Authorization} set here is sent as is in place of the token source's, and is not refreshed on
   * 401.
   */
  public Headers headers() {
    return headers;
  }

  /** The timeout of each attempt of this call (headers and body), in place of the client's. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The time this whole call may take (its token, every attempt and every wait between them), in
   * place of the client's.
   */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /** The largest JSON response body this call reads, in bytes, in place of the client's. */
  public Optional<Long> maxResponseSize() {
    return Optional.ofNullable(maxResponseSize);
  }

  /**
   * The {@code Idempotency-Key}: the portal runs a request with the same key once, so a request
   * that carries one is retried after a 5xx or an I/O failure even when its method is not
   * idempotent.
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** The {@code X-Tenant-Id} for this call, in place of the client's. */
  public Optional<String> tenantId() {
    return Optional.ofNullable(tenantId);
  }

  /**
   * Where this call's bearer token comes from, in place of the client's: lets one client act for
   * several sessions, and lets a call go out with no token at all ({@link TokenSource#none()}).
   */
  public Optional<TokenSource> tokenSource() {
    return Optional.ofNullable(tokenSource);
  }

  /**
   * These options with {@code other}'s laid over them: each setting {@code other} has replaces this
   * one's; headers are combined, a header {@code other} names replacing every value this one has
   * under that name. {@code a.with(none())} and {@code none().with(a)} are {@code a}'s settings.
   */
  public RequestOptions with(RequestOptions other) {
    Objects.requireNonNull(other, "other == null");
    if (other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    Builder merged = toBuilder();
    for (String name : other.headers.names()) {
      merged.headers.remove(name);
      for (String value : other.headers.values(name)) {
        merged.headers.add(name, value);
      }
    }
    if (other.timeout != null) {
      merged.timeout = other.timeout;
    }
    if (other.callTimeout != null) {
      merged.callTimeout = other.callTimeout;
    }
    if (other.maxResponseSize != null) {
      merged.maxResponseSize = other.maxResponseSize;
    }
    if (other.idempotencyKey != null) {
      merged.idempotencyKey = other.idempotencyKey;
    }
    if (other.tenantId != null) {
      merged.tenantId = other.tenantId;
    }
    if (other.tokenSource != null) {
      merged.tokenSource = other.tokenSource;
    }
    return merged.build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.tokenSource = tokenSource;
    builder.headers = headers.toBuilder();
    builder.timeout = timeout;
    builder.callTimeout = callTimeout;
    builder.maxResponseSize = maxResponseSize;
    builder.idempotencyKey = idempotencyKey;
    builder.tenantId = tenantId;
    return builder;
  }

  @Override
  public String toString() {
    return "RequestOptions[headers="
        + headers
        + ", timeout="
        + timeout
        + (callTimeout == null ? "" : ", callTimeout=" + callTimeout)
        + (maxResponseSize == null ? "" : ", maxResponseSize=" + maxResponseSize)
        + ", idempotencyKey="
        + idempotencyKey
        + ", tenantId="
        + tenantId
        + (tokenSource == null ? "" : ", tokenSource=set")
        + "]";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Headers.Builder headers = Headers.builder();
    private @Nullable Duration timeout;
    private @Nullable Duration callTimeout;
    private @Nullable Long maxResponseSize;
    private @Nullable String idempotencyKey;
    private @Nullable String tenantId;
    private @Nullable TokenSource tokenSource;

    private Builder() {}

    /** Adds a header; a CR or LF in the value is refused. */
    public Builder header(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /** The token source of this call, in place of the client's; a 401 refreshes through it. */
    public Builder tokenSource(TokenSource tokenSource) {
      this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource == null");
      return this;
    }

    /** The timeout of each attempt (headers and body), in place of the client's. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /** The time the whole call may take, tokens, attempts and waits included. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    /** The largest JSON response body this call reads, in bytes. */
    public Builder maxResponseSize(long bytes) {
      if (bytes <= 0 || bytes > MAX_RESPONSE_SIZE) {
        throw new IllegalArgumentException(
            "maxResponseSize must be between 1 and " + MAX_RESPONSE_SIZE + " bytes: " + bytes);
      }
      this.maxResponseSize = bytes;
      return this;
    }

    /** The {@code Idempotency-Key}; blank or CR/LF values are refused. */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = requireText(idempotencyKey, "idempotencyKey");
      return this;
    }

    /** The {@code X-Tenant-Id} for this call; blank or CR/LF values are refused. */
    public Builder tenantId(String tenantId) {
      this.tenantId = requireText(tenantId, "tenantId");
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      // checked here, not on the first call, so the mistake points at the code that made it
      Headers.builder().set(name, value);
      return value;
    }
  }
}
