package com.winwinmbs.portal.api.test;

import java.util.List;
import java.util.Objects;

/**
 * A request the mock portal received that breaks the OpenAPI document of the contract.
 *
 * @param method the request's HTTP method
 * @param url the request's path and query
 * @param rules each broken rule as {@code key: message}, for example {@code
 *     validation.request.body.schema.type: [Path '/limit'] Instance type (string) does not match
 *     any allowed primitive type (allowed: ["integer"])}
 */
public record ContractViolation(String method, String url, List<String> rules) {

  /** Copies the rules. */
  public ContractViolation {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(url, "url == null");
    rules = List.copyOf(rules);
  }

  @Override
  public String toString() {
    return method + " " + url + " breaks the contract: " + String.join("; ", rules);
  }
}
