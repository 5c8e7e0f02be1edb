package com.winwinmbs.portal.api.internal;

import com.winwinmbs.portal.api.Page;
import com.winwinmbs.portal.api.Pagination;
import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.PortalError;
import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * Reads the body of a 2xx response with the client's own mapper: a plain JSON payload, the portal's
 * {@code {success, data}} envelope, a page ({@code {success, data: [...], pagination}}), or
 * nothing. A body that is not what the route promises fails with code {@code DECODE_ERROR}, and the
 * message names the kind and place of the failure, never the text (it may hold a token); an
 * envelope that says {@code success: false} is an {@link Unsuccessful}.
 */
final class ResponseDecoder {

  private final Map<JavaType, JavaType> envelopes = new ConcurrentHashMap<>();
  private final Map<Class<?>, JavaType> pages = new ConcurrentHashMap<>();

  /** The portal envelope, with {@code success} a box so a body without one can be told apart. */
  record Envelope<T>(@Nullable Boolean success, @Nullable T data, @Nullable String message) {}

  /** The portal envelope of a page. */
  record PageEnvelope<T>(
      @Nullable Boolean success,
      @Nullable List<T> data,
      @Nullable Pagination pagination,
      @Nullable String message) {}

  /** A 2xx whose envelope says {@code success: false}; the request path adds what it knows. */
  static final class Unsuccessful extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final @Nullable String envelopeMessage;

    Unsuccessful(@Nullable String envelopeMessage) {
      super(null, null, false, false);
      this.envelopeMessage = envelopeMessage;
    }
  }

  /** A reader of the route's payload as {@code type}, unwrapping the envelope when it has one. */
  <T> RequestExecutor.ResponseReader<T> payload(Endpoint endpoint, JavaType type) {
    if (!endpoint.envelope()) {
      return response -> {
        T body = readJson(response, type, endpoint);
        if (body == null) {
          throw decodeFailure(response, endpoint, type, "the body is JSON null");
        }
        return body;
      };
    }
    JavaType envelope =
        envelopes.computeIfAbsent(
            type,
            t -> PortalJson.MAPPER.getTypeFactory().constructParametricType(Envelope.class, t));
    return response -> {
      if (response.status() == 204) {
        return null; // No Content: there is no payload to unwrap
      }
      Envelope<T> body = readJson(response, envelope, endpoint);
      requireSuccess(response, endpoint, envelope, body == null ? null : body.success(), body);
      if (body.data() instanceof List<?> list && list.contains(null)) {
        throw decodeFailure(response, endpoint, envelope, "a list item is null");
      }
      return body.data();
    };
  }

  /** A reader of a list route's page. */
  <T> RequestExecutor.ResponseReader<Page<T>> page(Endpoint endpoint, Class<T> itemType) {
    JavaType envelope =
        pages.computeIfAbsent(
            itemType,
            raw ->
                PortalJson.MAPPER
                    .getTypeFactory()
                    .constructParametricType(PageEnvelope.class, raw));
    return response -> {
      PageEnvelope<T> body = readJson(response, envelope, endpoint);
      requireSuccess(response, endpoint, envelope, body == null ? null : body.success(), body);
      List<T> items = body.data() == null ? List.of() : body.data();
      if (items.contains(null)) {
        throw decodeFailure(response, endpoint, envelope, "a list item is null");
      }
      Pagination pagination =
          body.pagination() != null
              ? body.pagination()
              : new Pagination(1, items.size(), items.size(), 1);
      return new Page<>(items, pagination);
    };
  }

  /**
   * A reader that discards the payload; an envelope route's body, when there is one, must still say
   * success (a 204, or any 2xx without a body, is one).
   */
  RequestExecutor.ResponseReader<@Nullable Void> none(Endpoint endpoint) {
    if (!endpoint.envelope()) {
      return response -> null;
    }
    JavaType envelope = PortalJson.MAPPER.constructType(Envelope.class);
    return response -> {
      if (isBlank(response)) {
        return null;
      }
      Envelope<?> body = readJson(response, envelope, endpoint);
      requireSuccess(response, endpoint, envelope, body == null ? null : body.success(), body);
      return null;
    };
  }

  private static void requireSuccess(
      TransportResponse response,
      Endpoint endpoint,
      JavaType envelope,
      @Nullable Boolean success,
      @Nullable Object body) {
    if (body == null) {
      throw decodeFailure(response, endpoint, envelope, "the body is JSON null");
    }
    if (success == null) {
      throw decodeFailure(
          response,
          endpoint,
          envelope,
          "the body is not the portal's {success, data} envelope (it has no 'success' field)");
    }
    if (!success) {
      throw new Unsuccessful(
          body instanceof Envelope<?> e ? e.message() : ((PageEnvelope<?>) body).message());
    }
  }

  private static boolean isBlank(TransportResponse response) throws IOException {
    byte[] bytes = ErrorMapper.bytes(response);
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The body read as {@code type}; null for a JSON {@code null}. */
  static <T> @Nullable T readJson(TransportResponse response, JavaType type, Endpoint endpoint)
      throws IOException {
    try {
      if (response instanceof TransportResponse.Buffered buffered) {
        return PortalJson.MAPPER.readValue(buffered.bytes(), type);
      }
      try (InputStream in = response.body()) {
        return PortalJson.MAPPER.readValue(in, type);
      }
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      // not the cause: its message quotes the body, which may hold a token
      throw decodeFailure(response, endpoint, type, PortalJson.describe(e));
    }
  }

  private static PortalApiException decodeFailure(
      TransportResponse response, Endpoint endpoint, JavaType type, String what) {
    return decodeFailure(response, endpoint, typeName(type) + ": " + what);
  }

  /** The envelope's own name stays internal: a failure names what the caller asked for. */
  private static String typeName(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Envelope.class && type.containedTypeCount() == 1) {
      return "ApiResponse<" + type.containedType(0).toCanonical() + ">";
    }
    if (raw == PageEnvelope.class && type.containedTypeCount() == 1) {
      return "ApiPaginatedResponse<" + type.containedType(0).toCanonical() + ">";
    }
    return type.toCanonical();
  }

  /**
   * The exception for a 2xx response that could not be read as {@code what} ({@code "User: the body
   * is empty"}), code {@code DECODE_ERROR}; the message never quotes the body.
   */
  static PortalApiException decodeFailure(
      TransportResponse response, Endpoint endpoint, String what) {
    String method = endpoint.method().name();
    return new PortalApiException(
        "could not decode the "
            + response.status()
            + " response of "
            + endpoint.id()
            + " as "
            + what
            + " ["
            + method
            + " "
            + endpoint.uriTemplate()
            + "]",
        new PortalError(
            response.status(),
            "DECODE_ERROR",
            null,
            Map.of(),
            response.headers().first("X-Request-Id").orElse(null),
            endpoint.uriTemplate(),
            method,
            null,
            null),
        1,
        null);
  }
}
