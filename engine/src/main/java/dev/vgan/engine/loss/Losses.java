package dev.vgan.engine.loss;

import static dev.vgan.engine.ops.Ops.add;
import static dev.vgan.engine.ops.Ops.div;
import static dev.vgan.engine.ops.Ops.log;
import static dev.vgan.engine.ops.Ops.mean;
import static dev.vgan.engine.ops.Ops.mul;
import static dev.vgan.engine.ops.Ops.relu;
import static dev.vgan.engine.ops.Ops.square;
import static dev.vgan.engine.ops.Ops.sub;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.LossOps;
import dev.vgan.engine.ops.Ops;

/**
 * The losses GANs train with, each reduced to a mean over the batch as PyTorch's default
 * {@code reduction='mean'}. Discriminators output logits; there is no sigmoid-then-BCE form.
 */
public final class Losses {
  private Losses() {}

  /** Binary cross-entropy of {@code sigmoid(logits)} against a constant target (1 real, 0 fake). */
  public static Tensor bceWithLogits(Tensor logits, float target) {
    return LossOps.bceWithLogits(logits, Tensor.full(target, logits.shape().dims()));
  }

  /** Binary cross-entropy of {@code sigmoid(logits)} against per-element targets in [0, 1]. */
  public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
    return LossOps.bceWithLogits(logits, targets);
  }

  /** Cross-entropy of logits {@code (N, K)} against class indices. */
  public static Tensor crossEntropy(Tensor logits, int[] labels) {
    if (logits.rank() != 2 || labels.length != logits.size(0)) {
      throw new IllegalArgumentException("crossEntropy: logits " + logits.shape() + " and " + labels.length
          + " labels disagree");
    }
    return LossOps.crossEntropy(logits, Ops.oneHot(labels, logits.size(1)));
  }

  /** Cross-entropy of logits {@code (N, K)} against soft targets {@code (N, K)} (rows are distributions). */
  public static Tensor crossEntropy(Tensor logits, Tensor targets) {
    return LossOps.crossEntropy(logits, targets);
  }

  /** {@code mean((a − b)²)}. */
  public static Tensor mse(Tensor a, Tensor b) {
    return mean(square(sub(a, b)));
  }

  /**
   * PyTorch's {@code GaussianNLLLoss} (full = false, eps = 1e-6):
   * {@code mean(½ (log max(var, eps) + (input − target)² / max(var, eps)))}. As in PyTorch the clamp
   * does not stop the gradient.
   */
  public static Tensor gaussianNll(Tensor input, Tensor target, Tensor var) {
    Tensor v = add(var, 0f);                                   // a recorded copy, clamped in place
    float[] d = v.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.max(d[i], 1e-6f);
    }
    return mul(mean(add(log(v), div(square(sub(input, target)), v))), 0.5f);
  }

  /** Hinge loss on a critic's scores for real data: {@code mean(relu(1 − s))}. */
  public static Tensor hingeReal(Tensor scores) {
    return mean(relu(add(mul(scores, -1f), 1f)));
  }

  /** Hinge loss on a critic's scores for generated data: {@code mean(relu(1 + s))}. */
  public static Tensor hingeFake(Tensor scores) {
    return mean(relu(add(scores, 1f)));
  }

  /** The critic's Wasserstein loss: {@code mean(fake) − mean(real)}. */
  public static Tensor wassersteinCritic(Tensor realScores, Tensor fakeScores) {
    return sub(mean(fakeScores), mean(realScores));
  }

  /** The generator's loss under a critic (Wasserstein and hinge): {@code −mean(fake)}. */
  public static Tensor generatorAdversarial(Tensor fakeScores) {
    return mul(mean(fakeScores), -1f);
  }
}
