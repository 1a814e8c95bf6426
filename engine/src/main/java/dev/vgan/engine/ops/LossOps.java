package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;
import static dev.vgan.engine.ops.OpSupport.requireSameShape;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Tensor;

/** Fused, numerically stable losses on logits; each returns the mean over the batch as a scalar. */
public final class LossOps {
  private LossOps() {}

  /**
   * {@code mean(max(x, 0) − x·t + log(1 + e^−|x|))}: binary cross-entropy of {@code sigmoid(x)} against
   * targets {@code t} (same shape, constant), computed without forming the sigmoid.
   */
  public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
    requireSameShape("bceWithLogits", logits, targets);
    float[] x = logits.data(), t = targets.data();
    int n = x.length;
    require(n > 0, "bceWithLogits: empty input");
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float v = x[i];
      sum += Math.max(v, 0f) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)));
    }
    Tensor loss = Tensor.scalar((float) (sum / n));
    return Autograd.record("bceWithLogits", loss,
        (gy, g) -> {
          if (g.wants(logits)) {       // d/dx = (sigmoid(x) − t) / n
            float scale = gy.item() / n;
            float[] gx = g.of(logits).data();
            float[] s = new float[n];
            k().sigmoid(x, 0, s, 0, n);
            for (int i = 0; i < n; i++) {
              gx[i] += scale * (s[i] - t[i]);
            }
          }
        },
        null,
        logits);
  }

  /**
   * {@code −(1/N) Σₙ Σₖ tₙₖ · log softmax(x)ₙₖ} for logits {@code (N, K)} and targets {@code (N, K)}:
   * one-hot rows give the usual cross-entropy, mixtures give the soft-label form.
   */
  public static Tensor crossEntropy(Tensor logits, Tensor targets) {
    requireSameShape("crossEntropy", logits, targets);
    require(logits.rank() == 2, "crossEntropy: logits %s are not (N, classes)", logits.shape());
    int rows = logits.size(0), cols = logits.size(1);
    float[] logp = new float[rows * cols];
    k().logSoftmaxRows(logits.data(), 0, logp, 0, rows, cols);
    float[] t = targets.data();
    double sum = 0;
    for (int i = 0; i < logp.length; i++) {
      if (t[i] != 0f) {
        sum -= t[i] * logp[i];
      }
    }
    Tensor loss = Tensor.scalar((float) (sum / rows));
    return Autograd.record("crossEntropy", loss,
        (gy, g) -> {
          if (g.wants(logits)) {       // d/dx = (softmax(x)·Σₖt − t) / N
            float scale = gy.item() / rows;
            float[] gx = g.of(logits).data();
            for (int r = 0; r < rows; r++) {
              int base = r * cols;
              float mass = k().sum(t, base, cols);
              for (int j = 0; j < cols; j++) {
                gx[base + j] += scale * ((float) Math.exp(logp[base + j]) * mass - t[base + j]);
              }
            }
          }
        },
        null,
        logits);
  }
}
