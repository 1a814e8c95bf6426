package dev.vgan.models.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves {@code --data NAME|PATH}: {@code sprites} is the built-in set; a folder path is opened
 * directly; a name is looked for in {@code ~/.cache/vgan/NAME}, then {@code /usr/share/datasets/NAME}
 * (where Debian's {@code dataset-fashion-mnist} puts its files), then — for mnist, fashion-mnist and
 * cifar-10, unless {@code VGAN_OFFLINE} is set — downloaded from the official mirrors into the first place,
 * checksums verified. When nothing works, one message lists the places tried and how to get the data.
 */
public final class DataSources {
  /** Which part of a dataset. */
  public enum Split {
    /** The training images. */
    TRAIN,
    /** The held-out images. */
    TEST
  }

  /** The built-in dataset's name. */
  public static final String SPRITES = "sprites";

  private DataSources() {}

  /** Opens a dataset by name or path, searching the default places; image folders at 32×32 RGB. */
  public static Dataset open(String nameOrPath, Split split) throws IOException {
    return open(nameOrPath, split, ImageFolder.Options.DEFAULT);
  }

  /** Opens a dataset by name or path, searching the default places; image folders as {@code images} says. */
  public static Dataset open(String nameOrPath, Split split, ImageFolder.Options images) throws IOException {
    return open(nameOrPath, split, defaultRoots(), images, downloadsAllowed());
  }

  /** Where names are looked for, in order: the user's cache (where downloads go), then Debian's datasets. */
  private static List<Path> defaultRoots() {
    return List.of(Path.of(System.getProperty("user.home"), ".cache", "vgan"), Path.of("/usr/share/datasets"));
  }

  /** Opens a dataset by name or path, searching {@code roots} for names; never downloads. */
  static Dataset open(String nameOrPath, Split split, List<Path> roots) throws IOException {
    return open(nameOrPath, split, roots, ImageFolder.Options.DEFAULT, false);
  }

  private static Dataset open(String nameOrPath, Split split, List<Path> roots, ImageFolder.Options images,
      boolean download) throws IOException {
    if (nameOrPath.equals(SPRITES)) {
      return split == Split.TRAIN ? new Sprites(8000, 32, true, 0) : new Sprites(2000, 32, true, 1);
    }
    Path direct = Path.of(nameOrPath);
    if (Files.isDirectory(direct)) {
      return openFolder(direct, split, images);
    }
    List<Path> tried = new ArrayList<>();
    tried.add(direct.toAbsolutePath());
    if (!nameOrPath.contains("/")) {
      for (Path root : roots) {
        Path candidate = root.resolve(nameOrPath);
        if (holdsData(candidate)) {
          return openFolder(candidate, split, images);
        }
        tried.add(candidate);
      }
    }
    String downloadError = null;
    KnownDatasets.Source known = nameOrPath.contains("/") ? null : KnownDatasets.SOURCES.get(nameOrPath);
    if (known != null && download) {
      Path into = roots.get(0).resolve(nameOrPath);
      System.err.println("vgan: downloading " + nameOrPath + " into " + into + " (checksums verified)");
      try {
        KnownDatasets.download(known, into);
        return openFolder(into, split, images);
      } catch (IOException e) {
        downloadError = e.getMessage();
      }
    }
    StringBuilder msg = new StringBuilder("no dataset '" + nameOrPath + "'; looked in:");
    tried.forEach(p -> msg.append("\n  ").append(p));
    if (downloadError != null) {
      msg.append("\nand the download failed: ").append(downloadError);
    }
    msg.append("\nUse '").append(SPRITES).append("' (built in), a folder of IDX files, or ");
    msg.append(nameOrPath.equals("fashion-mnist") ? "'apt-get install dataset-fashion-mnist'."
        : "put the dataset's IDX files in " + roots.get(0).resolve(nameOrPath) + ".");
    throw new FileNotFoundException(msg.toString());
  }

  /** Whether a name may be downloaded: not when {@code VGAN_OFFLINE} is set. */
  static boolean downloadsAllowed() {
    return System.getenv("VGAN_OFFLINE") == null;
  }

  /** Whether {@code name} is on this machine already (the built-in set, a folder, or in a searched place). */
  public static boolean isLocal(String name) {
    if (name.equals(SPRITES) || Files.isDirectory(Path.of(name))) {
      return true;
    }
    return !name.contains("/") && defaultRoots().stream().anyMatch(root -> holdsData(root.resolve(name)));
  }

  /**
   * Whether a searched place holds a dataset: a folder with at least one file or subfolder in it. An empty
   * folder (left by hand, or by an older vgan's failed download) must not hide the next place searched.
   */
  static boolean holdsData(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(folder + ": cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * A dataset folder: IDX files ({@code train-*} or {@code t10k-*}/{@code test-*} images and labels, gzipped
   * or not), CIFAR-10 binary batches, or else a folder of images (see {@link ImageFolder}; both splits are
   * all of its images).
   */
  static Dataset openFolder(Path folder, Split split) throws IOException {
    return openFolder(folder, split, ImageFolder.Options.DEFAULT);
  }

  private static Dataset openFolder(Path folder, Split split, ImageFolder.Options options) throws IOException {
    if (Cifar10.isCifar(folder)) {
      return Cifar10.read(folder, split);
    }
    Path cifar = folder.resolve("cifar-10-batches-bin");
    if (Files.isDirectory(cifar) && Cifar10.isCifar(cifar)) {
      return Cifar10.read(cifar, split);
    }
    List<String> prefixes = split == Split.TRAIN ? List.of("train") : List.of("t10k", "test");
    Path images = find(folder, prefixes, "images-idx3-ubyte");
    Path labels = find(folder, prefixes, "labels-idx1-ubyte");
    if (images == null && ImageFolder.hasImages(folder)) {
      ImageFolder.Loaded loaded = ImageFolder.read(folder, options);
      if (!loaded.skipped().isEmpty()) {
        System.err.printf("vgan: skipped %d unreadable image%s in %s:%n", loaded.skipped().size(),
            loaded.skipped().size() == 1 ? "" : "s", folder);
        loaded.skipped().forEach(s -> System.err.println("  " + s));
      }
      return loaded.data();
    }
    if (images == null) {
      throw new FileNotFoundException(folder + ": no " + prefixes.get(0) + "-images-idx3-ubyte[.gz] file for the "
          + split.name().toLowerCase() + " split, no CIFAR-10 batches and no image files");
    }
    boolean emnist = folder.getFileName() != null && folder.getFileName().toString().contains("emnist");
    return IdxDataset.read(images, labels, emnist);
  }

  private static Path find(Path folder, List<String> prefixes, String kind) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> {
        String n = p.getFileName().toString();
        return prefixes.stream().anyMatch(n::startsWith) && (n.endsWith(kind) || n.endsWith(kind + ".gz"));
      }).sorted().findFirst().orElse(null);
    }
  }
}
