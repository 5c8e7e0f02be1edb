package com.winwinmbs.portal.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionTests {

  @Test
  void extendedFileNameWinsOverThePlainOne() {
    assertThat(
            ContentDisposition.fileName(
                "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E0%B8%AA%20a.pdf"))
        .isEqualTo("ส a.pdf");
    assertThat(
            ContentDisposition.fileName(
                "attachment; filename*=utf-8'th'%E0%B8%AA.pdf; filename=\"fallback.pdf\""))
        .isEqualTo("ส.pdf");
  }

  @Test
  void latin1ExtendedFileNameIsDecoded() {
    assertThat(ContentDisposition.fileName("attachment; filename*=ISO-8859-1''na%EFve.txt"))
        .isEqualTo("naïve.txt");
  }

  @Test
  void malformedExtendedFileNameFallsBackToThePlainOne() {
    assertThat(
            ContentDisposition.fileName(
                "attachment; filename*=UTF-8''%E0%B8; filename=\"plain.txt\""))
        .isEqualTo("plain.txt");
    assertThat(ContentDisposition.fileName("attachment; filename*=KOI8-R''%C1; filename=plain.txt"))
        .isEqualTo("plain.txt");
  }

  @Test
  void quotedFileNameKeepsSemicolonsAndUnescapesBackslashes() {
    assertThat(ContentDisposition.fileName("attachment; filename=\"a; b \\\"c\\\".txt\"; size=10"))
        .isEqualTo("a; b \"c\".txt");
  }

  @Test
  void rawUtf8InThePlainFileNameIsDecoded() {
    String garbled =
        new String("รายงาน.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertThat(ContentDisposition.fileName("attachment; filename=\"" + garbled + "\""))
        .isEqualTo("รายงาน.pdf");
  }

  @Test
  void fileNameIsReducedToItsLastSegmentWithoutControlCharacters() {
    assertThat(ContentDisposition.fileName("attachment; filename=\"../../etc/passwd\""))
        .isEqualTo("passwd");
    assertThat(ContentDisposition.fileName("attachment; filename=\"C:\\\\Users\\\\x\\\\evil.exe\""))
        .isEqualTo("evil.exe");
    assertThat(ContentDisposition.fileName("attachment; filename*=UTF-8''..%2F..%2Fsecret%0A.txt"))
        .isEqualTo("secret.txt");
    assertThat(ContentDisposition.fileName("attachment; filename=\"..\"")).isNull();
  }

  @Test
  void headerWithoutFileNameNamesNone() {
    assertThat(ContentDisposition.fileName("inline")).isNull();
    assertThat(ContentDisposition.fileName("attachment; size=42")).isNull();
    assertThat(ContentDisposition.fileName(null)).isNull();
    assertThat(ContentDisposition.fileName("")).isNull();
  }
}
