package com.winwinmbs.portal.api.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.winwinmbs.portal.api.NotFoundException;
import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.ServerException;
import com.winwinmbs.portal.api.TransportException;
import com.winwinmbs.portal.api.internal.PortalJson;
import com.winwinmbs.portal.api.testing.Fixtures;
import com.winwinmbs.portal.api.testing.TestClients;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
class FilesApiTests {

  private static final String FILE_ID = "6f1c2a9e-3b7d-4e21-9c55-0d8f4a7b1e23";
  private static final Pattern BOUNDARY =
      Pattern.compile("^multipart/form-data; boundary=(PortalApiBoundary[0-9a-f]{32})$");

  @TempDir Path temp;

  @Test
  void uploadFromPathSendsTheFileAndCategoryAsMultipartWithExactLength(WireMockRuntimeInfo wm)
      throws IOException {
    wm.getWireMock()
        .register(
            post("/files/upload").willReturn(okJson(Fixtures.read("files/avatar-uploaded.json"))));
    Path avatar = Files.writeString(temp.resolve("avatar.png"), "hello world");

    FileInfo info =
        TestClients.client(wm).files().upload(avatar, FileUploadRequest.category("avatar"));

    assertThat(info.id()).isEqualTo("a4d7e0c2-58b1-4f3a-8e6d-2b9c1f0e7d45");
    assertThat(info.category()).isEqualTo("avatar");
    assertThat(info.size()).isEqualTo(11L);
    LoggedRequest request = single(wm);
    String boundary = boundary(request);
    String expected =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"category\"\r\n\r\n"
            + "avatar\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"avatar.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n"
            + "hello world\r\n"
            + "--"
            + boundary
            + "--\r\n";
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(expected.length()));
    assertThat(request.getHeader("Transfer-Encoding")).isNull();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.TOKEN);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    // WireMock's own multipart parser agrees on the parts
    wm.getWireMock()
        .verifyThat(
            postRequestedFor(urlEqualTo("/files/upload"))
                .withAnyRequestBodyPart(
                    aMultipart()
                        .withName("file")
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(equalTo("hello world")))
                .withAnyRequestBodyPart(
                    aMultipart().withName("category").withBody(equalTo("avatar"))));
  }

  @Test
  void uploadSendsEveryFieldInOrderAndTheRequestsNameAndType(WireMockRuntimeInfo wm)
      throws IOException {
    wm.getWireMock()
        .register(post("/files/upload").willReturn(okJson(Fixtures.read("files/file.json"))));
    Path scan = Files.write(temp.resolve("scan-0042.bin"), new byte[] {0, 1, 2, (byte) 0xff});
    FileUploadRequest request =
        FileUploadRequest.builder()
            .category("contract")
            .field("entity_type", "customer")
            .field("entity_id", "c-1042")
            .fileName("สัญญาเช่า 2026.pdf")
            .contentType("application/pdf")
            .build();

    FileInfo info = TestClients.client(wm).files().upload(scan, request);

    assertThat(info.originalName()).isEqualTo("สัญญาเช่า 2026.pdf");
    LoggedRequest logged = single(wm);
    String boundary = boundary(logged);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\ncontract\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"entity_type\"\r\n\r\ncustomer\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"entity_id\"\r\n\r\nc-1042\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"สัญญาเช่า 2026.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(new byte[] {0, 1, 2, (byte) 0xff});
    expected.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(logged.getBody()).isEqualTo(expected.toByteArray());
    assertThat(logged.getHeader("Content-Length")).isEqualTo(String.valueOf(expected.size()));
  }

  @Test
  void uploadFromStreamOfUnknownLengthIsSentChunkedAndLeavesTheStreamOpen(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/files/upload").willReturn(okJson(Fixtures.read("files/file.json"))));
    AtomicBoolean closed = new AtomicBoolean();
    InputStream content =
        new ByteArrayInputStream("%PDF-1.7 streamed".getBytes(StandardCharsets.US_ASCII)) {
          @Override
          public void close() {
            closed.set(true);
          }
        };

    FileInfo info =
        TestClients.client(wm)
            .files()
            .upload(
                content, "report.pdf", "application/pdf", -1, FileUploadRequest.category("report"));

    assertThat(info.id()).isEqualTo(FILE_ID);
    assertThat(closed).isFalse();
    LoggedRequest request = single(wm);
    assertThat(request.getHeader("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(request.getHeader("Content-Length")).isNull();
    String boundary = boundary(request);
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nreport\r\n"
                + "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 streamed\r\n--"
                + boundary
                + "--\r\n");
  }

  @Test
  void uploadFromStreamOfKnownLengthSendsContentLength(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/files/upload").willReturn(okJson(Fixtures.read("files/file.json"))));
    byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);

    TestClients.client(wm)
        .files()
        .upload(
            new ByteArrayInputStream(bytes),
            "digits.txt",
            "text/plain",
            bytes.length,
            FileUploadRequest.none());

    LoggedRequest request = single(wm);
    assertThat(request.getHeader("Transfer-Encoding")).isNull();
    assertThat(request.getHeader("Content-Length"))
        .isEqualTo(String.valueOf(request.getBody().length));
    assertThat(new String(request.getBody(), StandardCharsets.UTF_8))
        .contains(
            "name=\"file\"; filename=\"digits.txt\"\r\nContent-Type: text/plain\r\n\r\n0123456789\r\n--");
  }

  @Test
  void uploadFromStreamShorterThanItsDeclaredLengthFailsAndSaysWhy(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/files/upload").willReturn(okJson(Fixtures.read("files/file.json"))));
    InputStream content = new ByteArrayInputStream(new byte[5]);

    assertThatThrownBy(
            () ->
                TestClients.client(wm)
                    .files()
                    .upload(
                        content,
                        "short.bin",
                        "application/octet-stream",
                        10,
                        FileUploadRequest.none()))
        .isInstanceOf(TransportException.class)
        .hasStackTraceContaining("ended after 5 of its declared 10 bytes");
  }

  @Test
  void fileAndFieldNamesCannotInjectHeadersOrEndTheQuotedName(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(post("/files/upload").willReturn(okJson(Fixtures.read("files/file.json"))));
    String evil = "a\".pdf\r\nContent-Type: text/html\r\n\r\n<script>\\";

    TestClients.client(wm)
        .files()
        .upload(
            new ByteArrayInputStream(new byte[] {42}),
            evil,
            "application/pdf",
            1,
            FileUploadRequest.builder().field("note\"\r\nX: y", "ok").build());

    String body = new String(single(wm).getBody(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"note%22%0D%0AX: y\"\r\n\r\nok\r\n")
        .contains(
            "filename=\"a%22.pdf%0D%0AContent-Type: text/html%0D%0A%0D%0A<script>%5C\"\r\nContent-Type: application/pdf\r\n")
        .doesNotContain("\r\nContent-Type: text/html");
  }

  @Test
  void badContentTypeOrReservedFieldNameIsRefusedBeforeSending() {
    assertThatThrownBy(
            () -> FileUploadRequest.builder().contentType("text/plain\r\nX-Evil: 1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control or non-ASCII character");
    assertThatThrownBy(() -> FileUploadRequest.builder().field("file", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the part name 'file' holds the file itself");
  }

  @Test
  void uploadOfAMissingFileFailsWithThePath() {
    PortalApiClient portal = PortalApiClient.builder().apiUrl("http://localhost:1").build();
    Path missing = temp.resolve("nope.pdf");

    assertThatThrownBy(() -> portal.files().upload(missing, FileUploadRequest.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a readable regular file: " + missing);
  }

  @Test
  void uploadFromPathIsSentAgainWhenARetryIsAllowed(WireMockRuntimeInfo wm) throws IOException {
    wm.getWireMock()
        .register(
            post("/files/upload")
                .inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
    wm.getWireMock()
        .register(
            post("/files/upload")
                .inScenario("retry")
                .whenScenarioStateIs("second")
                .willReturn(okJson(Fixtures.read("files/file.json"))));
    Path file = Files.writeString(temp.resolve("ledger.csv"), "date,amount\n2026-11-01,1200.00\n");

    FileInfo info =
        TestClients.client(wm)
            .files()
            .withOptions(RequestOptions.builder().idempotencyKey("upload-ledger-2026-11").build())
            .upload(file, FileUploadRequest.category("ledger"));

    assertThat(info.id()).isEqualTo(FILE_ID);
    List<LoggedRequest> requests =
        wm.getWireMock().find(postRequestedFor(urlEqualTo("/files/upload")));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).getBody()).isEqualTo(requests.get(0).getBody());
    assertThat(new String(requests.get(1).getBody(), StandardCharsets.UTF_8))
        .contains("2026-11-01,1200.00");
  }

  @Test
  void uploadFromStreamIsNeverSentTwice(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post("/files/upload").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(
            () ->
                TestClients.client(wm)
                    .files()
                    .withOptions(RequestOptions.builder().idempotencyKey("once").build())
                    .upload(
                        new ByteArrayInputStream(new byte[] {1, 2, 3}),
                        "once.bin",
                        "application/octet-stream",
                        3,
                        FileUploadRequest.none()))
        .isInstanceOf(ServerException.class);

    assertThat(wm.getWireMock().find(postRequestedFor(urlEqualTo("/files/upload")))).hasSize(1);
  }

  @Test
  void downloadHandsBackTheStreamWithNameTypeAndLengthFromTheHeaders(WireMockRuntimeInfo wm)
      throws IOException {
    byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    wm.getWireMock()
        .register(
            get("/files/" + FILE_ID + "/download")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Length", String.valueOf(pdf.length))
                        .withHeader(
                            "Content-Disposition",
                            "attachment; filename=\"report.pdf\"; filename*=UTF-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99.pdf")
                        .withBody(pdf)));

    try (FileDownload download = TestClients.client(wm).files().download(FILE_ID)) {
      assertThat(download.fileName()).contains("รายงาน.pdf");
      assertThat(download.contentType()).contains("application/pdf");
      assertThat(download.contentLength()).isEqualTo(pdf.length);
      assertThat(download.inputStream().readAllBytes()).isEqualTo(pdf);
    }
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/files/" + FILE_ID + "/download"))
                .withHeader("Accept", equalTo("*/*"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void downloadOfAChunkedResponseReportsAnUnknownLength(WireMockRuntimeInfo wm) throws IOException {
    wm.getWireMock()
        .register(
            get("/files/f-1/download")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "text/csv; charset=utf-8")
                        .withHeader(
                            "Content-Disposition", "attachment; filename=\"../../etc/ledger.csv\"")
                        .withChunkedDribbleDelay(3, 10)
                        .withBody("a,b\n1,2\n")));

    try (FileDownload download = TestClients.client(wm).files().download("f-1")) {
      assertThat(download.contentLength()).isEqualTo(-1);
      assertThat(download.fileName()).contains("ledger.csv");
      assertThat(download.contentType()).contains("text/csv; charset=utf-8");
      assertThat(new String(download.inputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("a,b\n1,2\n");
    }
  }

  @Test
  void downloadToPathWritesTheFileAndLeavesNoTemporaryFile(WireMockRuntimeInfo wm)
      throws IOException {
    wm.getWireMock()
        .register(
            get("/files/" + FILE_ID + "/download")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withHeader("Content-Disposition", "inline; filename=avatar.png")
                        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    Path target = temp.resolve("copy.png");
    Files.writeString(target, "old content that must be replaced");

    DownloadSummary summary = TestClients.client(wm).files().download(FILE_ID, target);

    assertThat(summary).isEqualTo(new DownloadSummary(4, "avatar.png", "image/png"));
    assertThat(Files.readAllBytes(target)).containsExactly(0x89, 'P', 'N', 'G');
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void downloadToPathOfAMissingFileThrowsNotFoundAndWritesNothing(WireMockRuntimeInfo wm)
      throws IOException {
    wm.getWireMock()
        .register(
            get("/files/missing/download")
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"success\":false,\"error\":{\"code\":\"FILE_NOT_FOUND\",\"message\":\"File not found\"}}")));
    Path target = temp.resolve("never.bin");

    assertThatThrownBy(() -> TestClients.client(wm).files().download("missing", target))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("File not found");
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void downloadIntoAMissingDirectoryFailsBeforeSending(WireMockRuntimeInfo wm) {
    Path target = temp.resolve("no-such-dir").resolve("x.bin");

    assertThatThrownBy(() -> TestClients.client(wm).files().download("f-1", target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThat(wm.getWireMock().find(getRequestedFor(urlEqualTo("/files/f-1/download")))).isEmpty();
  }

  @Test
  void downloadToOutputStreamCopiesTheBytes(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            get("/files/f-2/download")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/octet-stream")
                        .withBody(new byte[] {1, 2, 3, 4, 5})));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    DownloadSummary summary = TestClients.client(wm).files().download("f-2", out);

    assertThat(out.toByteArray()).containsExactly(1, 2, 3, 4, 5);
    assertThat(summary.bytes()).isEqualTo(5);
    assertThat(summary.fileName()).isNull();
    assertThat(summary.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void findByIdDecodesTheFileAndKeepsUnknownFields(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(get("/files/" + FILE_ID).willReturn(okJson(Fixtures.read("files/file.json"))));

    FileInfo info = TestClients.client(wm).files().findById(FILE_ID);

    assertThat(info.id()).isEqualTo(FILE_ID);
    assertThat(info.originalName()).isEqualTo("สัญญาเช่า 2026.pdf");
    assertThat(info.fileName()).isEqualTo("2026/11/" + FILE_ID + ".pdf");
    assertThat(info.mimeType()).isEqualTo("application/pdf");
    assertThat(info.size()).isEqualTo(482133L);
    assertThat(info.checksum()).startsWith("9f86d081");
    assertThat(info.isPublic()).isFalse();
    assertThat(info.metadata()).containsEntry("entity_id", "c-1042");
    assertThat(info.uploadedBy()).isEqualTo("3f8e2b6a-91c4-4d0e-b7a2-5c1d9e8f0a11");
    assertThat(info.createdAt()).isEqualTo(Instant.parse("2026-11-20T03:15:42.512Z"));
    assertThat(info.additionalProperties())
        .containsEntry("storage_provider", "s3")
        .containsEntry("virus_scan_status", "clean");
    @SuppressWarnings("unchecked")
    Map<String, Object> reencoded = PortalJson.MAPPER.convertValue(info, Map.class);
    assertThat(reencoded)
        .containsEntry("storage_provider", "s3")
        .containsEntry("original_name", "สัญญาเช่า 2026.pdf")
        .containsEntry("is_public", false);
    wm.getWireMock()
        .verifyThat(
            getRequestedFor(urlEqualTo("/files/" + FILE_ID))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void deleteSendsDeleteToTheFile(WireMockRuntimeInfo wm) {
    wm.getWireMock()
        .register(
            delete("/files/" + FILE_ID).willReturn(okJson("{\"success\":true,\"data\":null}")));

    TestClients.client(wm)
        .files()
        .withOptions(RequestOptions.builder().tenantId("acme").build())
        .delete(FILE_ID);

    wm.getWireMock()
        .verifyThat(
            deleteRequestedFor(urlEqualTo("/files/" + FILE_ID))
                .withHeader("X-Tenant-Id", equalTo("acme"))
                .withHeader("Content-Type", absent())
                .withHeader("Authorization", matching("Bearer .+")));
  }

  private static LoggedRequest single(WireMockRuntimeInfo wm) {
    List<LoggedRequest> requests =
        wm.getWireMock().find(postRequestedFor(urlEqualTo("/files/upload")));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static String boundary(LoggedRequest request) {
    Matcher matcher = BOUNDARY.matcher(request.getHeader("Content-Type"));
    assertThat(matcher.matches()).as("Content-Type %s", request.getHeader("Content-Type")).isTrue();
    return matcher.group(1);
  }
}
