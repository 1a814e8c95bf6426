package dev.vgan.models.data;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;

/**
 * Mini-batches of a dataset in a seeded random order, reshuffled at each epoch (Fisher–Yates with the
 * given {@link Rng}, so a saved generator state reproduces the order). The last partial batch is dropped,
 * as GAN training with batch norm wants full batches.
 */
public final class Batches {
  /**
   * One batch.
   *
   * @param images {@code (B, C, H, W)} in [-1, 1]
   * @param labels the B labels, or null for an unlabelled dataset
   */
  public record Batch(Tensor images, int[] labels) {}

  private final Dataset data;
  private final int batchSize;
  private final Rng rng;
  private final int[] order;

  /** Batches of {@code batchSize} images of {@code data}, shuffled with {@code rng}. */
  public Batches(Dataset data, int batchSize, Rng rng) {
    if (batchSize < 1 || batchSize > data.size()) {
      throw new IllegalArgumentException("batches: batch size " + batchSize + " must be between 1 and the "
          + "dataset's " + data.size() + " images");
    }
    this.data = data;
    this.batchSize = batchSize;
    this.rng = rng;
    this.order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;                                     // unshuffled until the first shuffle()
    }
  }

  /** Full batches per epoch. */
  public int perEpoch() {
    return data.size() / batchSize;
  }

  /**
   * Draws a new order for the next epoch: a shuffle of 0..n−1 that depends only on the Rng's state
   * (not on earlier epochs), so a run resumed with a saved Rng state sees the same batches.
   */
  public void shuffle() {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Batch {@code b} (0 ≤ b < perEpoch()) of the current order. */
  public Batch batch(int b) {
    if (b < 0 || b >= perEpoch()) {
      throw new IndexOutOfBoundsException("batch " + b + " of " + perEpoch());
    }
    int per = data.channels() * data.height() * data.width();
    Tensor images = Tensor.empty(Shape.of(batchSize, data.channels(), data.height(), data.width()));
    int[] labels = data.labelled() ? new int[batchSize] : null;
    for (int k = 0; k < batchSize; k++) {
      int i = order[b * batchSize + k];
      data.image(i, images.data(), k * per);
      if (labels != null) {
        labels[k] = data.label(i);
      }
    }
    return new Batch(images, labels);
  }
}
