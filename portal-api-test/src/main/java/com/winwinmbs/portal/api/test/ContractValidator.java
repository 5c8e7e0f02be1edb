package com.winwinmbs.portal.api.test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.winwinmbs.portal.api.PortalApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks a request, or an answer of the mock, against the OpenAPI document of the contract ({@code
 * openapi/portal-api.yaml} in the core jar) with the swagger-request-validator core library.
 */
final class ContractValidator {

  static final String DOCUMENT = "/com/winwinmbs/portal/api/openapi/portal-api.yaml";

  /** Loading the document takes seconds; every mock portal of a JVM shares one validator. */
  private static final CompletableFuture<ContractValidator> SHARED = new CompletableFuture<>();

  private static final AtomicBoolean LOADING = new AtomicBoolean();

  private final OpenApiInteractionValidator validator;

  private ContractValidator(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /**
   * The shared validator, loading it on a background thread the first time, so a mock portal starts
   * its server meanwhile.
   */
  static CompletableFuture<ContractValidator> shared() {
    if (LOADING.compareAndSet(false, true)) {
      Thread loader =
          new Thread(
              () -> {
                try {
                  SHARED.complete(load());
                } catch (RuntimeException | Error e) {
                  SHARED.completeExceptionally(e);
                }
              },
              "mock-portal-contract-loader");
      loader.setDaemon(true);
      loader.start();
    }
    return SHARED;
  }

  static ContractValidator load() {
    String yaml;
    try (InputStream in = PortalApiClient.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException("The core jar holds no " + DOCUMENT);
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LevelResolver levels =
        LevelResolver.create()
            // the mock checks credentials itself and answers 401 in the portal's envelope
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            .build();
    return new ContractValidator(
        OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
            .withLevelResolver(levels)
            .withWhitelist(
                ValidationErrorsWhitelist.create()
                    // A schema with no type ("any JSON value") is read as an object by the
                    // validator's 3.0 parser; the document means any value.
                    .withRule(
                        "system config value is any JSON value",
                        WhitelistRules.allOf(
                            WhitelistRules.isRequest(),
                            WhitelistRules.pathContainsSubstring("/system-configs/"),
                            WhitelistRules.messageHasKey("validation.request.body.schema.type"),
                            WhitelistRules.messageContainsSubstring("[Path '/value']")))
                    .withRule(
                        "system config value is any JSON value, in an answer too",
                        WhitelistRules.allOf(
                            WhitelistRules.isResponse(),
                            WhitelistRules.pathContainsSubstring("/system-configs/"),
                            WhitelistRules.messageHasKey("validation.response.body.schema.type"),
                            WhitelistRules.messageContainsRegexp(
                                "\\[Path '/data(/\\d+)?/value'\\]"))))
            .build());
  }

  /** The broken rules, each as {@code key: message}; empty when the request keeps the contract. */
  List<String> validate(Request request) {
    URI uri = URI.create(request.getUrl());
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(request.getMethod().getName(), uri.getRawPath());
    for (HttpHeader header : request.getHeaders().all()) {
      builder.withHeader(header.key(), header.values());
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        builder.withQueryParam(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    byte[] body = request.getBody();
    if (body != null && body.length > 0) {
      builder.withBody(body);
    }
    return errors(validator.validateRequest(builder.build()));
  }

  /**
   * The broken rules of an answer to {@code method path}, each as {@code key: message}; empty when
   * the document allows it.
   */
  List<String> validateResponse(
      String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
    headers.forEach(builder::withHeader);
    if (body.length > 0) {
      builder.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(
            path,
            com.atlassian.oai.validator.model.Request.Method.valueOf(
                method.toUpperCase(Locale.ROOT)),
            builder.build());
    return errors(report);
  }

  private static List<String> errors(ValidationReport report) {
    List<String> broken = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        broken.add(message.getKey() + ": " + message.getMessage());
      }
    }
    return broken;
  }
}
