package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirrors served by a local HTTP server: a missing file, wrong bytes, then the right ones. */
class DownloadTest {
  @TempDir Path dir;
  private HttpServer server;
  private String base;
  private static final byte[] GOOD = "the real dataset".getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/bad/", ex -> {
      byte[] body = "tampered".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.createContext("/good/", ex -> {
      ex.sendResponseHeaders(200, GOOD.length);
      ex.getResponseBody().write(GOOD);
      ex.close();
    });
    server.createContext("/missing/", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void mirrorsAreTriedInOrderAndOnlyVerifiedBytesAreKept() throws Exception {
    Download.Remote f = new Download.Remote("data.bin", "SHA-256", sha256(GOOD));
    Path got = Download.fetch(f, List.of(base + "/missing/", base + "/bad/", base + "/good/"), dir);
    assertArrayEquals(GOOD, Files.readAllBytes(got));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(got), files.toList(), "no partial files left behind");
    }
  }

  @Test
  void partsLeftByAKilledFetchAreDeletedByTheNextOne() throws Exception {
    Path stale = Files.writeString(dir.resolve("data.bin1234567.part"), "half a download");
    Path other = Files.writeString(dir.resolve("labels.bin99.part"), "another file's");
    Path longer = Files.writeString(dir.resolve("data.bin.gz42.part"), "a longer name's");
    Download.Remote f = new Download.Remote("data.bin", "SHA-256", sha256(GOOD));
    Path got = Download.fetch(f, List.of(base + "/good/"), dir);
    assertFalse(Files.exists(stale), "the stale part of data.bin");
    assertTrue(Files.exists(other), "another file's part is that file's fetch's to clean");
    assertTrue(Files.exists(longer), "data.bin.gz's part is not data.bin's");
    assertArrayEquals(GOOD, Files.readAllBytes(got));
  }

  @Test
  void whenEveryMirrorFailsNothingIsKeptAndEachFailureIsNamed() throws Exception {
    Download.Remote f = new Download.Remote("data.bin", "SHA-256", sha256(GOOD));
    var e = assertThrows(IOException.class, () -> Download.fetch(f, List.of(base + "/missing/", base + "/bad/"), dir));
    assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("expected " + sha256(GOOD)), e.getMessage());
    assertFalse(Files.exists(dir.resolve("data.bin")));
  }

  @Test
  void aFailedDatasetDownloadLeavesNoDatasetFolderAndTheNextOneFetchesOnlyWhatIsMissing() throws Exception {
    byte[] labels = "the labels".getBytes(StandardCharsets.UTF_8);
    AtomicInteger imageRequests = new AtomicInteger();
    AtomicBoolean labelsServed = new AtomicBoolean(false);
    server.createContext("/flaky/", ex -> {
      boolean images = ex.getRequestURI().getPath().endsWith("images.gz");
      if (images) {
        imageRequests.incrementAndGet();
      }
      byte[] body = images ? GOOD : labels;
      if (!images && !labelsServed.get()) {
        ex.sendResponseHeaders(503, -1);
      } else {
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    var source = new KnownDatasets.Source(List.of(base + "/flaky/"), List.of(
        new Download.Remote("images.gz", "SHA-256", sha256(GOOD)),
        new Download.Remote("labels.gz", "SHA-256", sha256(labels))));
    Path folder = dir.resolve("digits");
    Files.createDirectories(folder);                           // an empty folder, as older versions left behind
    var e = assertThrows(IOException.class, () -> KnownDatasets.download(source, folder));
    assertTrue(e.getMessage().contains("labels.gz") && e.getMessage().contains("HTTP 503"), e.getMessage());
    assertFalse(DataSources.holdsData(folder), "a failed download must not look like a dataset");

    labelsServed.set(true);
    KnownDatasets.download(source, folder);
    assertArrayEquals(GOOD, Files.readAllBytes(folder.resolve("images.gz")));
    assertArrayEquals(labels, Files.readAllBytes(folder.resolve("labels.gz")));
    assertEquals(1, imageRequests.get(), "the verified file of the failed attempt is not fetched again");
    assertFalse(Files.exists(dir.resolve("digits.download")), "the staging folder became the dataset folder");
  }

  @Test
  void twoDownloadsOfOneDatasetTakeTurnsAndTheSecondFindsItDone() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    server.createContext("/slow/", ex -> {
      requests.incrementAndGet();
      try {
        Thread.sleep(400);                                     // the second download starts meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, GOOD.length);
      ex.getResponseBody().write(GOOD);
      ex.close();
    });
    var source = new KnownDatasets.Source(List.of(base + "/slow/"),
        List.of(new Download.Remote("images.gz", "SHA-256", sha256(GOOD))));
    Path folder = dir.resolve("digits");
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
    Runnable download = () -> {
      try {
        KnownDatasets.download(source, folder);
      } catch (Throwable t) {
        failures.add(t);
      }
    };
    Thread first = new Thread(download), second = new Thread(download);
    first.start();
    Thread.sleep(100);                                         // the first one's partial file exists by now
    second.start();
    first.join();
    second.join();
    assertTrue(failures.isEmpty(), () -> "a download failed: " + failures);
    assertArrayEquals(GOOD, Files.readAllBytes(folder.resolve("images.gz")));
    assertEquals(1, requests.get(), "the second download found the dataset in place and fetched nothing");
  }

  @Test
  void theCifarArchiveUnpacksIntoAReadableDataset() throws Exception {
    Tar.extractGzipped(Path.of("src/test/resources/cifar-mini.tar.gz"), dir);
    Dataset d = DataSources.openFolder(dir.resolve("cifar-10-batches-bin"), DataSources.Split.TEST);
    assertEquals(2, d.size());
    assertEquals(7, d.label(1));
  }
}
