package com.winwinmbs.portal.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from a resource written by the build. */
public final class Version {

  /** The version, or {@code dev} when the resource is missing. */
  public static final String VERSION = load();

  private Version() {}

  /** The default {@code User-Agent}: library and Java version. */
  public static String userAgent() {
    return "portal-api-java/" + VERSION + " Java/" + System.getProperty("java.version");
  }

  private static String load() {
    try (InputStream in =
        Version.class.getResourceAsStream("/com/winwinmbs/portal/api/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "dev");
      return version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
