package dev.vgan.models.data;

import dev.vgan.engine.io.MalformedFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Gray images and labels from a pair of IDX files: MNIST, Fashion-MNIST, EMNIST (whose images are stored
 * transposed). Pixels 0..255 map linearly to [-1, 1].
 */
public final class IdxDataset implements Dataset {
  private final byte[] pixels;
  private final byte[] labels;
  private final int count;
  private final int height;
  private final int width;
  private final boolean transposed;
  private final int classes;
  private final int labelOffset;

  private IdxDataset(byte[] pixels, byte[] labels, int count, int height, int width, boolean transposed,
      int labelOffset) {
    this.pixels = pixels;
    this.labels = labels;
    this.count = count;
    this.height = height;
    this.width = width;
    this.transposed = transposed;
    this.labelOffset = labelOffset;
    int max = -1;
    for (byte b : labels == null ? new byte[0] : labels) {
      max = Math.max(max, b & 0xff);
    }
    this.classes = max + 1 - labelOffset;
  }

  /**
   * Reads an images file {@code (N, H, W)} and, unless {@code labelsFile} is null, a labels file
   * {@code (N)}; {@code transposed} swaps rows and columns (EMNIST). EMNIST letters, labelled 1 (A) to 26
   * (Z) in files named {@code emnist-letters-*}, become classes 0 to 25. Fails naming the file when either
   * is malformed or the counts disagree.
   */
  public static IdxDataset read(Path imagesFile, Path labelsFile, boolean transposed) throws IOException {
    IdxFile images = IdxFile.read(imagesFile);
    images.requireRank(imagesFile, 3, "images");
    byte[] labels = null;
    if (labelsFile != null) {
      IdxFile l = IdxFile.read(labelsFile);
      l.requireRank(labelsFile, 1, "labels");
      if (l.dims()[0] != images.dims()[0]) {
        throw new MalformedFileException(labelsFile, "holds " + l.dims()[0] + " labels but " + imagesFile.getFileName()
            + " holds " + images.dims()[0] + " images");
      }
      labels = l.values();
    }
    int offset = labelsFile != null && labelsFile.getFileName().toString().contains("emnist-letters") ? 1 : 0;
    for (int i = 0; offset > 0 && i < labels.length; i++) {
      if (labels[i] == 0) {
        throw new MalformedFileException(labelsFile, "label 0 at offset " + (8 + i)
            + ", but EMNIST letters are labelled 1 (A) to 26 (Z)");
      }
    }
    int h = images.dims()[1], w = images.dims()[2];
    return new IdxDataset(images.values(), labels, images.dims()[0], transposed ? w : h, transposed ? h : w,
        transposed, offset);
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public int channels() {
    return 1;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public boolean labelled() {
    return labels != null;
  }

  @Override
  public int classes() {
    return labels == null ? 0 : classes;
  }

  @Override
  public void image(int i, float[] dst, int offset) {
    int plane = height * width, base = i * plane;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int src = transposed ? base + x * height + y : base + y * width + x;
        dst[offset + y * width + x] = (pixels[src] & 0xff) / 127.5f - 1f;
      }
    }
  }

  @Override
  public int label(int i) {
    if (labels == null) {
      throw new IllegalStateException("this dataset has no labels (no labels file was given)");
    }
    return (labels[i] & 0xff) - labelOffset;
  }
}
