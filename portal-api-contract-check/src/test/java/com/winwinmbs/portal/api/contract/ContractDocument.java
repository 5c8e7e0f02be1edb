package com.winwinmbs.portal.api.contract;

import com.winwinmbs.portal.api.PortalApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI document of the contract, as the core jar ships it. */
final class ContractDocument {

  static final String RESOURCE = "/com/winwinmbs/portal/api/openapi/portal-api.yaml";

  private ContractDocument() {}

  static String text() {
    try (InputStream in = PortalApiClient.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The core jar holds no " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
