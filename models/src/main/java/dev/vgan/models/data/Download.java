package dev.vgan.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches a file from a list of mirrors, tried in order, and keeps it only if its checksum is the
 * published one: a download goes to a temporary file in the target's folder, is hashed as it streams, and
 * is renamed into place only when the digest matches. A mismatch or an error moves on to the next mirror;
 * when all fail, one message lists every mirror and what went wrong.
 */
public final class Download {
  /**
   * A file to fetch.
   *
   * @param name the file name under each mirror (and in the cache folder)
   * @param algorithm the digest ({@code SHA-256} or, where only that is published, {@code MD5})
   * @param hex the expected digest, lowercase hex
   */
  public record Remote(String name, String algorithm, String hex) {}

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  /** The suffix of a download in progress. */
  private static final String PART = ".part";

  private Download() {}

  /**
   * Fetches {@code file} into {@code folder} from the first mirror that serves the right bytes; returns its path.
   * A file already there with the published digest is kept and nothing is fetched.
   */
  public static Path fetch(Remote file, List<String> mirrors, Path folder) throws IOException {
    Files.createDirectories(folder);
    deleteStaleParts(folder, file.name());
    Path target = folder.resolve(file.name());
    if (Files.isRegularFile(target) && digestOf(target, file.algorithm()).equals(file.hex())) {
      return target;
    }
    List<String> failures = new ArrayList<>();
    for (String mirror : mirrors) {
      String url = mirror.endsWith("/") ? mirror + file.name() : mirror + "/" + file.name();
      Path tmp = Files.createTempFile(folder, file.name(), PART);
      try {
        String got = fetchTo(url, tmp, file.algorithm());
        if (got.equals(file.hex())) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          return target;
        }
        failures.add(url + ": " + file.algorithm() + " " + got + ", expected " + file.hex());
      } catch (IOException e) {
        failures.add(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("download of " + url + " interrupted", e);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    throw new IOException("could not download " + file.name() + ":\n  " + String.join("\n  ", failures));
  }

  /**
   * Deletes the temporary files an earlier fetch of {@code name} left in {@code folder} when its process was
   * killed before its {@code finally} ran; otherwise a staged dataset folder would carry them into place.
   */
  private static void deleteStaleParts(Path folder, String name) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (isPartOf(f.getFileName().toString(), name)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /**
   * Whether {@code file} is a temporary file of {@link #fetch} for {@code name}: the name, the digits
   * {@code createTempFile} adds, {@code .part} — and not one of a file whose name merely starts with it.
   */
  private static boolean isPartOf(String file, String name) {
    int digitsEnd = file.length() - PART.length();
    return file.startsWith(name) && file.endsWith(PART) && digitsEnd > name.length()
        && file.substring(name.length(), digitsEnd).chars().allMatch(Character::isDigit);
  }

  private static String fetchTo(String url, Path tmp, String algorithm) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        return hashWhileCopying(in, out, algorithm);
      }
    }
  }

  private static String digestOf(Path file, String algorithm) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return hashWhileCopying(in, OutputStream.nullOutputStream(), algorithm);
    }
  }

  private static String hashWhileCopying(InputStream in, OutputStream out, String algorithm) throws IOException {
    DigestInputStream hashing = new DigestInputStream(in, digest(algorithm));
    hashing.transferTo(out);
    return HexFormat.of().formatHex(hashing.getMessageDigest().digest());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("unknown digest " + algorithm, e);
    }
  }
}
