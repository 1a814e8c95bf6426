package dev.vgan.models.data;

/**
 * Images held as bytes (0..255, CHW per image) with optional labels: the in-memory form of CIFAR-10 and
 * image folders. A byte v reads as {@code v / 127.5 − 1}, so 0 is −1 and 255 is +1.
 */
final class ByteImages implements Dataset {
  private final byte[] pixels;
  private final int[] labels;
  private final int count;
  private final int channels;
  private final int height;
  private final int width;
  private final int classes;

  /** {@code count} images in {@code pixels}; {@code labels} null when unlabelled, else values in 0..classes−1. */
  ByteImages(byte[] pixels, int count, int channels, int height, int width, int[] labels, int classes) {
    if ((long) count * channels * height * width != pixels.length) {
      throw new IllegalArgumentException("byte images: " + pixels.length + " bytes for " + count + " images of "
          + channels + "×" + height + "×" + width);
    }
    this.pixels = pixels;
    this.labels = labels;
    this.count = count;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.classes = labels == null ? 0 : classes;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public int channels() {
    return channels;
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
    return classes;
  }

  @Override
  public void image(int i, float[] dst, int offset) {
    int per = channels * height * width;
    for (int j = 0; j < per; j++) {
      dst[offset + j] = (pixels[i * per + j] & 0xff) / 127.5f - 1f;
    }
  }

  @Override
  public int label(int i) {
    if (labels == null) {
      throw new IllegalStateException("this dataset has no labels");
    }
    return labels[i];
  }
}
