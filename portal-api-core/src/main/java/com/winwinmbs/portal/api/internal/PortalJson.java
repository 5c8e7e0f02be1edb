package com.winwinmbs.portal.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's own JSON mapper. An application's Jackson settings never reach it, so they cannot
 * change the wire format: unknown fields are ignored (or kept by DTOs that ask for them), unknown
 * enum values fall back to the enum's default, nulls are not sent.
 */
public final class PortalJson {

  /**
   * Bounds on what the parser accepts, whatever the body's size (which the request path bounds per
   * call): nesting that would exhaust the stack, numbers whose digits cost quadratic time to parse,
   * names and strings beyond any real payload.
   */
  static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(500)
          .maxNumberLength(1000)
          .maxNameLength(50_000)
          .maxStringLength(16 * 1024 * 1024)
          .maxDocumentLength(Integer.MAX_VALUE - 8)
          .build();

  /** Shared by every client: a configured mapper is immutable and thread-safe. */
  public static final JsonMapper MAPPER = newMapper();

  private PortalJson() {}

  /** A new mapper with the client's settings. */
  public static JsonMapper newMapper() {
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .changeDefaultPropertyInclusion(
            include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }

  /**
   * What went wrong decoding, safe to put in a message: the kind of failure and where, never
   * Jackson's own message, which quotes the text it failed on (a token, a secret).
   */
  public static String describe(JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    return e.getClass().getSimpleName()
        + (location == null || location.getLineNr() < 0
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
  }
}
