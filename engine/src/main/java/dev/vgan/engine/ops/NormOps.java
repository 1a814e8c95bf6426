package dev.vgan.engine.ops;

import static dev.vgan.engine.ops.OpSupport.k;
import static dev.vgan.engine.ops.OpSupport.require;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Node;
import dev.vgan.engine.core.Tensor;

/**
 * Batch normalization over {@code (N, C)} or {@code (N, C, ...)}, statistics per channel, as
 * {@code torch.nn.functional.batch_norm}. Training normalizes with the batch's biased variance and
 * updates the running statistics with the unbiased one ({@code momentum} weighting the new value);
 * evaluation normalizes with the running statistics.
 */
public final class NormOps {
  private NormOps() {}

  private record View(int n, int c, int s) {
    static View of(String op, Tensor x, Tensor runningMean) {
      require(x.rank() >= 2, "%s: input %s has no channel dimension", op, x.shape());
      int n = x.size(0), c = x.size(1);
      require(runningMean.numel() == c, "%s: input %s has %d channels but the statistics have %d",
          op, x.shape(), c, runningMean.numel());
      return new View(n, c, n * c == 0 ? 0 : x.numel() / (n * c));
    }

    int count() {
      return n * s;
    }
  }

  /**
   * Training-mode batch norm. {@code weight}/{@code bias} (C) may be null (no affine); the running
   * statistics (C) are updated in place.
   */
  public static Tensor batchNormTrain(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      float momentum, float eps) {
    View v = View.of("batchNorm", x, runningMean);
    int m = v.count();
    require(m > 1, "batchNorm: training needs more than one value per channel, got input %s", x.shape());
    int c = v.c();
    float[] mean = scratch(c), var = scratch(c);
    k().channelSums(x.data(), 0, v.n(), c, v.s(), mean);
    for (int j = 0; j < c; j++) {
      mean[j] /= m;
    }
    k().channelSumSquares(x.data(), 0, v.n(), c, v.s(), mean, var);
    float[] invStd = scratch(c), scale = scratch(c), shift = scratch(c);
    coefficients(c, var, m, eps, mean, weight, bias, invStd, scale, shift);
    float[] rm = runningMean.data(), rv = runningVar.data();
    for (int j = 0; j < c; j++) {
      rm[j] = (1f - momentum) * rm[j] + momentum * mean[j];
      rv[j] = (1f - momentum) * rv[j] + momentum * (var[j] / (m - 1));
    }
    Tensor y = Tensor.empty(x.shape());
    ChannelLoops.affine(x.data(), scale, shift, v.n(), c, v.s(), y.data());
    return Autograd.record("batchNorm", y,
        (gy, g) -> backward(gy, g, x, weight, bias, v, mean, invStd, scale, true),
        null,
        x, weight, bias);
  }

  /** Evaluation-mode batch norm with the running statistics (not modified). */
  public static Tensor batchNormEval(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      float eps) {
    View v = View.of("batchNorm", x, runningMean);
    int c = v.c();
    float[] invStd = scratch(c), scale = scratch(c), shift = scratch(c);
    coefficients(c, runningVar.data(), 1f, eps, runningMean.data(), weight, bias, invStd, scale, shift);
    Tensor y = Tensor.empty(x.shape());
    ChannelLoops.affine(x.data(), scale, shift, v.n(), c, v.s(), y.data());
    if (!Autograd.isEnabled()) {
      return y;
    }
    float[] mean = runningMean.data().clone(); // the backward's snapshot: a later training step moves the stats
    return Autograd.record("batchNormEval", y,
        (gy, g) -> backward(gy, g, x, weight, bias, v, mean, invStd, scale, false),
        null,
        x, weight, bias);
  }

  /**
   * {@code invStd = 1/√(var/divisor + eps)}, {@code scale = γ·invStd}, {@code shift = β − mean·scale} (γ = 1
   * and β = 0 when absent): the one formula training (divisor = the count) and evaluation (divisor 1) share.
   */
  private static void coefficients(int c, float[] var, float divisor, float eps, float[] mean, Tensor weight,
      Tensor bias, float[] invStd, float[] scale, float[] shift) {
    for (int j = 0; j < c; j++) {
      invStd[j] = 1f / (float) Math.sqrt(var[j] / divisor + eps);
    }
    if (weight == null) {
      System.arraycopy(invStd, 0, scale, 0, c);
    } else {
      float[] w = weight.data();
      for (int j = 0; j < c; j++) {
        scale[j] = w[j] * invStd[j];
      }
    }
    float[] b = bias == null ? new float[c] : bias.data();
    for (int j = 0; j < c; j++) {
      shift[j] = b[j] - mean[j] * scale[j];
    }
  }

  /** Per-channel scratch of zeros, from the step's tensor arena when one is open. */
  private static float[] scratch(int channels) {
    return Tensor.zeros(dev.vgan.engine.core.Shape.of(channels)).data();
  }

  /**
   * With {@code x̂ = (x − mean)·invStd}: {@code dβ += Σ gy}, {@code dγ += Σ gy·x̂}, and
   * {@code dx += γ·invStd·(gy − Σgy/M − x̂·Σ(gy·x̂)/M)} in training (the batch statistics depend on x),
   * {@code dx += γ·invStd·gy} in evaluation.
   */
  private static void backward(Tensor gy, Node.Gradients g, Tensor x, Tensor weight,
      Tensor bias, View v, float[] mean, float[] invStd, float[] scale, boolean batchStats) {
    int c = v.c(), m = v.count();
    float[] sumGy = scratch(c), dotCentered = scratch(c);
    k().channelSums(gy.data(), 0, v.n(), c, v.s(), sumGy);
    k().channelDotCentered(gy.data(), 0, x.data(), 0, v.n(), c, v.s(), mean, dotCentered);
    if (bias != null && g.wants(bias)) {
      k().axpy(1f, sumGy, 0, g.of(bias).data(), 0, c);
    }
    if (weight != null && g.wants(weight)) {
      float[] gw = g.of(weight).data();
      for (int j = 0; j < c; j++) {
        gw[j] += dotCentered[j] * invStd[j];
      }
    }
    if (!g.wants(x)) {
      return;
    }
    float[] b = scratch(c), k0 = scratch(c);
    if (batchStats) {
      for (int j = 0; j < c; j++) {
        float sumGyXhat = dotCentered[j] * invStd[j];
        b[j] = -scale[j] * invStd[j] * sumGyXhat / m;
        k0[j] = -scale[j] * sumGy[j] / m - b[j] * mean[j];
      }
    }
    Node.Target dx = g.target(x);
    ChannelLoops.addLinear(gy.data(), x.data(), scale, b, k0, v.n(), c, v.s(), dx.data(), dx.add());
  }
}
