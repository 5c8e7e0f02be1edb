package com.winwinmbs.portal.api.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON the stub portal answers with: the same bytes for every client. */
final class Payloads {

  private Payloads() {}

  /** The user fixture of the core's tests, in the portal envelope (about 1.1 KB). */
  static byte[] user() {
    try (InputStream in = Payloads.class.getResourceAsStream("user.json")) {
      if (in == null) {
        throw new IllegalStateException("user.json is missing from the benchmarks jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"success":true,"data":[...items...],"pagination":{"page":} for one page. */
  static byte[] searchPrefix(int items) {
    StringBuilder json = new StringBuilder("{\"success\":true,\"data\":[");
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(item(i));
    }
    json.append("],\"pagination\":{\"page\":");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The rest of a search answer after the page number. */
  static byte[] searchSuffix(int page, int limit, int totalPages) {
    return (page
            + ",\"limit\":"
            + limit
            + ",\"total\":"
            + (long) limit * totalPages
            + ",\"total_pages\":"
            + totalPages
            + "}}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String item(int i) {
    String n = String.format("%05d", i);
    return "{\"id\":\"usr_01HZX3K8Q2M4N6P8R0T2V"
        + n
        + "\",\"username\":\"user."
        + n
        + "\",\"email\":\"user."
        + n
        + "@winwinmbs.co.th\",\"first_name\":\"Somchai\",\"last_name\":\"Kittisak\","
        + "\"display_name\":\"Somchai K.\",\"phone\":\"+66812345678\",\"status\":\"active\","
        + "\"organization_id\":\"org_01HZX2FIN000000000000000AP\","
        + "\"avatar_file_id\":\"fil_01HZX9AVATAR00000000000001\",\"locale\":\"th-TH\","
        + "\"email_verified\":true,\"roles\":[{\"id\":\"rol_01HZX1EMPLOYEE0000000000001\","
        + "\"code\":\"EMPLOYEE\",\"name\":\"Employee\"}],\"positions\":[],"
        + "\"last_login_at\":\"2026-11-21T23:48:12.000Z\","
        + "\"created_at\":\"2024-02-26T02:00:00.000Z\","
        + "\"updated_at\":\"2026-11-20T09:15:30.000Z\"}";
  }

  /** The upload's answer: a file record in the envelope. */
  static byte[] fileInfo() {
    return ("{\"success\":true,\"data\":{\"id\":\"a4d7e0c2-58b1-4f3a-8e6d-2b9c1f0e7d45\","
            + "\"original_name\":\"big.bin\",\"mime_type\":\"application/octet-stream\","
            + "\"size\":1073741824,\"created_at\":\"2026-11-22T08:30:00Z\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
