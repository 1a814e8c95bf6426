package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;

/** Operations driven by integer indices: embedding lookup and one-hot codes. */
public final class IndexOps {
  private IndexOps() {}

  /** Rows {@code indices[i]} of {@code weight (V, D)}: {@code (N, D)}; the gradient scatters back. */
  public static Tensor embedding(Tensor weight, int[] indices) {
    require(weight.rank() == 2, "embedding: weight %s is not (num_embeddings, dim)", weight.shape());
    int v = weight.size(0), dim = weight.size(1);
    Tensor y = Tensor.empty(Shape.of(indices.length, dim));
    for (int i = 0; i < indices.length; i++) {
      int row = indices[i];
      require(row >= 0 && row < v, "embedding: index %d at position %d is outside [0, %d)", row, i, v);
      System.arraycopy(weight.data(), row * dim, y.data(), i * dim, dim);
    }
    int[] rows = indices.clone();
    return Autograd.record("embedding", y,
        (gy, g) -> {
          if (g.wants(weight)) {
            float[] gw = g.of(weight).data();
            for (int i = 0; i < rows.length; i++) {
              k().axpy(1f, gy.data(), i * dim, gw, rows[i] * dim, dim);
            }
          }
        },
        null,
        weight);
  }

  /** {@code (N, classes)} with a 1 at each label; a constant (no gradient). */
  public static Tensor oneHot(int[] labels, int classes) {
    Tensor y = Tensor.zeros(labels.length, classes);
    for (int i = 0; i < labels.length; i++) {
      require(labels[i] >= 0 && labels[i] < classes, "oneHot: label %d at position %d is outside [0, %d)",
          labels[i], i, classes);
      y.data()[i * classes + labels[i]] = 1f;
    }
    return y;
  }
}
