package dev.vgan.models.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The datasets vgan can download, with their official mirrors (tried in order) and published checksums
 * (MD5 where the authors publish only that). IDX files are kept gzipped, as published.
 */
final class KnownDatasets {
  private static final List<String> IDX = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  /**
   * A downloadable dataset.
   *
   * @param mirrors base URLs, in order
   * @param files the files with their digests
   */
  record Source(List<String> mirrors, List<Download.Remote> files) {}

  static final Map<String, Source> SOURCES = Map.of(
      "mnist", new Source(List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
          "https://storage.googleapis.com/cvdf-datasets/mnist/", "http://yann.lecun.com/exdb/mnist/"),
          md5(IDX, "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
              "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c")),
      "fashion-mnist", new Source(List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
          md5(IDX, "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "25c81989df183df01b3e8a0aad5dffbe",
              "bef4ecab320f06d8554ea6380940ec79", "bb300cfdad3c16e7a12a480ee83cd310")),
      "cifar-10", new Source(List.of("https://www.cs.toronto.edu/~kriz/"),
          List.of(new Download.Remote("cifar-10-binary.tar.gz", "MD5", "c32a1d4ab5d03f1284b67883e8d87530"))));

  private KnownDatasets() {}

  private static List<Download.Remote> md5(List<String> names, String... hex) {
    return java.util.stream.IntStream.range(0, names.size())
        .mapToObj(i -> new Download.Remote(names.get(i), "MD5", hex[i])).toList();
  }

  /**
   * Downloads every file of {@code s} into {@code folder} (CIFAR-10's archive is unpacked there). The files
   * are gathered in a sibling {@code NAME.download} folder that becomes {@code folder} only when all are
   * verified, so a failed download never leaves a folder that looks like a dataset; files verified by a
   * failed attempt are kept there and not fetched again.
   *
   * <p>Downloads of one dataset take turns, across processes too: each holds a lock on the sibling file
   * {@code NAME.lock} (left in place: deleting a lock file others may be waiting on would let two hold
   * it), and one that finds the dataset there once it has the lock is done. Without the turns, a second
   * download would delete the first one's partial files as stale, or find its staging folder moved away.
   */
  static void download(Source s, Path folder) throws IOException {
    Path staging = folder.resolveSibling(folder.getFileName() + ".download");
    Files.createDirectories(folder.toAbsolutePath().getParent());
    Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
    // A file lock is held by the whole process, so the threads of one process take turns on a monitor first.
    synchronized (KnownDatasets.class) {
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock turn = channel.lock()) {
        if (DataSources.holdsData(folder)) {
          return;                                     // another download finished it while this one waited
        }
        for (Download.Remote f : s.files()) {
          Path got = Download.fetch(f, s.mirrors(), staging);
          if (f.name().endsWith(".tar.gz")) {
            Tar.extractGzipped(got, staging);
          }
        }
        if (Files.isDirectory(folder)) {
          Files.delete(folder); // only an empty one can be here: a folder holding data is opened, not downloaded to
        }
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }
}
