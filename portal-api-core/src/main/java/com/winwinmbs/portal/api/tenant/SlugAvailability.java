package com.winwinmbs.portal.api.tenant;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether a tenant slug is still free.
 *
 * @param slug the slug checked, as the portal echoes it
 * @param available whether a tenant may register it
 * @param additionalProperties fields this client does not know, kept as sent
 */
public record SlugAvailability(
    @Nullable String slug,
    boolean available,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  public SlugAvailability {
    additionalProperties =
        additionalProperties == null ? new LinkedHashMap<>() : additionalProperties;
  }
}
