package dev.vgan.engine.nn;

import static dev.vgan.engine.ops.Ops.div;
import static dev.vgan.engine.ops.Ops.matmul;
import static dev.vgan.engine.ops.Ops.mul;
import static dev.vgan.engine.ops.Ops.reshape;
import static dev.vgan.engine.ops.Ops.scaleBy;
import static dev.vgan.engine.ops.Ops.sum;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Shape;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.MatMulOps;

/**
 * Spectral normalization (Miyato et al. 2018) as {@code torch.nn.utils.spectral_norm}: the wrapped
 * layer runs with {@code W / σ}, {@code σ = uᵀ W v} estimated by one power iteration per training
 * forward. State-dict keys match PyTorch's: {@code weight_orig}, {@code bias}, {@code weight_u},
 * {@code weight_v}. The gradient flows through σ (u and v are constants).
 */
public final class SpectralNorm extends Module {
  private static final float EPS = 1e-12f;
  private final WeightedLayer layer;
  private final Tensor weightOrig;
  private final Tensor u;
  private final Tensor v;
  private final int rows;
  private final int cols;

  /** Wraps {@code layer} (a Linear or Conv2d), drawing u and v from {@code rng}. */
  public <L extends Module & WeightedLayer> SpectralNorm(L layer, Rng rng) {
    this.layer = layer;
    Tensor w = layer.weight();
    rows = w.size(0);
    cols = w.numel() / rows;
    weightOrig = parameter("weight_orig", w);
    if (layer.bias() != null) {
      parameter("bias", layer.bias());
    }
    u = buffer("weight_u", Tensor.randn(rng, rows));
    v = buffer("weight_v", Tensor.randn(rng, cols));
    normalize(u.data());
    normalize(v.data());
  }

  @Override
  public Tensor forward(Tensor x) {
    if (isTraining()) {
      powerIteration();
    }
    Tensor w2 = reshape(weightOrig, Shape.of(rows, cols));
    Tensor wv = reshape(matmul(w2, reshape(v, Shape.of(cols, 1))), Shape.of(rows));       // (rows)
    Tensor sigma = sum(mul(u, wv));                                                         // ()
    Tensor weight = scaleBy(weightOrig, div(Tensor.scalar(1f), sigma));
    return layer.forwardWith(x, weight);
  }

  /** {@code v = normalize(Wᵀu)}, {@code u = normalize(Wv)}, in place, outside the graph. */
  private void powerIteration() {
    try (var s = Autograd.noGrad()) {
      Tensor w2 = reshape(weightOrig, Shape.of(rows, cols));
      Tensor wtu = matmul(reshape(u, Shape.of(1, rows)), w2);                          // (1, cols)
      System.arraycopy(wtu.data(), 0, v.data(), 0, cols);
      normalize(v.data());
      Tensor wv = MatMulOps.mm(reshape(v, Shape.of(1, cols)), false, w2, true);        // (1, rows)
      System.arraycopy(wv.data(), 0, u.data(), 0, rows);
      normalize(u.data());
    }
  }

  private static void normalize(float[] x) {
    double n = 0;
    for (float f : x) {
      n += (double) f * f;
    }
    float inv = (float) (1.0 / Math.max(Math.sqrt(n), EPS));
    for (int i = 0; i < x.length; i++) {
      x[i] *= inv;
    }
  }
}
