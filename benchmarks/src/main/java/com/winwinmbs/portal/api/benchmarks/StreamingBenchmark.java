package com.winwinmbs.portal.api.benchmarks;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.files.DownloadSummary;
import com.winwinmbs.portal.api.files.FileInfo;
import com.winwinmbs.portal.api.files.FileUploadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1 GiB up and 1 GiB down through {@code files()} in a 64 MB heap, against the raw JDK HttpClient
 * (the client's transport library) streaming the same number of bytes to the same stub. One
 * operation is one whole transfer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class StreamingBenchmark {

  static final long GIB = 1L << 30;

  private StubPortal stub;
  private PortalApiClient portal;
  private HttpClient httpClient;
  private URI uploadUri;
  private URI downloadUri;

  @Setup
  public void setUp() throws IOException {
    stub = StubPortal.start(2, 1);
    portal = Clients.portalOnJdk(stub.baseUrl());
    httpClient = Clients.jdkHttpClient();
    uploadUri = URI.create(stub.baseUrl() + "/files/upload");
    downloadUri = URI.create(stub.baseUrl() + "/files/big/download");
  }

  @TearDown
  public void tearDown() {
    stub.close();
  }

  @Benchmark
  public FileInfo upload_portal() {
    long before = stub.uploadedBytes();
    FileInfo info =
        portal
            .files()
            .upload(
                new SyntheticStream(GIB),
                "big.bin",
                "application/octet-stream",
                GIB,
                FileUploadRequest.none());
    requireAtLeast(stub.uploadedBytes() - before, GIB);
    return info;
  }

  @Benchmark
  public int upload_rawJdkHttpClient() throws IOException, InterruptedException {
    long before = stub.uploadedBytes();
    HttpRequest request =
        HttpRequest.newBuilder(uploadUri)
            .header("Authorization", Clients.BEARER)
            .header("Content-Type", "application/octet-stream")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new SyntheticStream(GIB)), GIB))
            .build();
    HttpResponse<byte[]> response =
        httpClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
    requireAtLeast(stub.uploadedBytes() - before, GIB);
    return response.body().length;
  }

  @Benchmark
  public long download_portal() {
    DownloadSummary summary = portal.files().download("big", OutputStream.nullOutputStream());
    requireAtLeast(summary.bytes(), GIB);
    return summary.bytes();
  }

  @Benchmark
  public long download_rawJdkHttpClient() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(downloadUri).header("Authorization", Clients.BEARER).GET().build();
    HttpResponse<InputStream> response =
        httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long bytes;
    try (InputStream body = response.body()) {
      bytes = body.transferTo(OutputStream.nullOutputStream());
    }
    requireAtLeast(bytes, GIB);
    return bytes;
  }

  private static void requireAtLeast(long bytes, long expected) {
    if (bytes < expected) {
      throw new IllegalStateException("moved " + bytes + " bytes, expected " + expected);
    }
  }
}
