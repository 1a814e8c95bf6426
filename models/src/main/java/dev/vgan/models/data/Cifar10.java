package dev.vgan.models.data;

import dev.vgan.engine.io.MalformedFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 in its binary form ({@code cifar-10-binary.tar.gz}, unpacked): {@code data_batch_1..5.bin} for
 * training, {@code test_batch.bin} for testing. Each record is one label byte (0–9) and 3072 pixel bytes
 * (the red, green and blue planes of a 32×32 image, row-major).
 */
public final class Cifar10 {
  /** The class names, in label order. */
  public static final String[] CLASSES = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
      "ship", "truck"};
  static final int RECORD = 1 + 3 * 32 * 32;

  private Cifar10() {}

  /** Whether {@code folder} holds CIFAR-10 binary batches. */
  static boolean isCifar(Path folder) {
    return Files.exists(folder.resolve("test_batch.bin")) || Files.exists(folder.resolve("data_batch_1.bin"));
  }

  /** Reads the split's batch files from {@code folder}. */
  public static Dataset read(Path folder, DataSources.Split split) throws IOException {
    List<Path> files = new ArrayList<>();
    if (split == DataSources.Split.TEST) {
      files.add(folder.resolve("test_batch.bin"));
    } else {
      for (int b = 1; b <= 5; b++) {
        files.add(folder.resolve("data_batch_" + b + ".bin"));
      }
    }
    return read(files);
  }

  /** Reads and joins batch files; fails naming the file and offset of any damage. */
  static Dataset read(List<Path> files) throws IOException {
    List<byte[]> contents = new ArrayList<>();
    long records = 0;
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new java.io.FileNotFoundException(f + ": missing CIFAR-10 batch file");
      }
      byte[] b = Files.readAllBytes(f);
      if (b.length == 0 || b.length % RECORD != 0) {
        throw new MalformedFileException(f, b.length + " bytes is not a whole number of " + RECORD
            + "-byte records (truncated from offset " + (b.length - b.length % RECORD) + ")");
      }
      contents.add(b);
      records += b.length / RECORD;
    }
    int n = Math.toIntExact(records);
    byte[] pixels = new byte[n * (RECORD - 1)];
    int[] labels = new int[n];
    int i = 0;
    for (int fi = 0; fi < contents.size(); fi++) {
      byte[] b = contents.get(fi);
      for (int off = 0; off < b.length; off += RECORD, i++) {
        labels[i] = b[off] & 0xff;
        if (labels[i] > 9) {
          throw new MalformedFileException(files.get(fi), "label " + labels[i] + " at offset " + off
              + " is not a CIFAR-10 class (0-9)");
        }
        System.arraycopy(b, off + 1, pixels, i * (RECORD - 1), RECORD - 1);
      }
    }
    return new ByteImages(pixels, n, 3, 32, 32, labels, 10);
  }
}
