package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.PortalApiException;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.health.HealthStatus;
import com.winwinmbs.portal.api.http.TransportResponse;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The client's {@link HealthApi}: each route as one call through the pipeline. */
public final class DefaultHealthApi implements HealthApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultHealthApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultHealthApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public HealthApi withOptions(RequestOptions options) {
    return new DefaultHealthApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  /**
   * Either shape the portal may answer in: its {@code {success, data}} envelope, or the NestJS
   * Terminus report itself ({@code {status, info, error, details}}), which health endpoints often
   * send unwrapped.
   */
  @Override
  public HealthStatus check() {
    return executor.send(
        Call.to(Endpoints.HEALTH_CHECK).options(options), DefaultHealthApi::read, false);
  }

  private static HealthStatus read(TransportResponse response) throws IOException {
    JsonNode root;
    try (InputStream in = response.body()) {
      root = PortalJson.MAPPER.readTree(in);
    } catch (JacksonException e) {
      throw decodeFailure(response, PortalJson.describe(e));
    }
    if (root == null || !root.isObject()) {
      throw decodeFailure(response, "the body is not a JSON object");
    }
    JsonNode report = root;
    if (root.has("success")) {
      if (!root.get("success").asBoolean(false)) {
        JsonNode message = root.get("message");
        throw RequestExecutor.unsuccessfulEnvelope(
            message == null || !message.isString() ? null : message.asString());
      }
      report = root.get("data");
      if (report == null || !report.isObject()) {
        throw decodeFailure(response, "the envelope's data is not a health report");
      }
    } else if (!root.has("status")) {
      throw decodeFailure(
          response,
          "the body is neither the portal's {success, data} envelope nor a health report with a"
              + " 'status'");
    }
    try {
      return PortalJson.MAPPER.treeToValue(report, HealthStatus.class);
    } catch (JacksonException e) {
      throw decodeFailure(response, PortalJson.describe(e));
    }
  }

  private static PortalApiException decodeFailure(TransportResponse response, String what) {
    return RequestExecutor.decodeFailure(
        response, Endpoints.HEALTH_CHECK, "HealthStatus: " + what, null);
  }
}
