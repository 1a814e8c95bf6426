package dev.vgan.models.api;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;

/**
 * A batch of latent inputs drawn from a model's priors, with what was drawn kept for the losses that
 * need it (ACGAN's classes, InfoGAN's codes).
 *
 * @param z (N, zDim), standard normal
 * @param labels (N, classes) one-hot, or null for an unconditional model
 * @param classes the N class indices, or null
 * @param codes (N, codeDim): categorical one-hot blocks then continuous values; null when none
 * @param categories for each categorical code, the N values drawn (uniform)
 * @param continuous (N, continuous) uniform on [-1, 1], or null
 */
public record LatentBatch(Tensor z, Tensor labels, int[] classes, Tensor codes, int[][] categories, Tensor continuous) {
  /**
   * Draws {@code n} inputs. {@code classes} fixes the labels (for fakes made for a real batch's labels);
   * when null a conditional model's classes are drawn uniformly.
   */
  public static LatentBatch sample(LatentSpec spec, int n, int[] classes, Rng rng) {
    Tensor z = Tensor.randn(rng, n, spec.zDim());
    Tensor labels = null;
    if (spec.conditional()) {
      if (classes == null) {
        classes = new int[n];
        for (int i = 0; i < n; i++) {
          classes[i] = rng.nextInt(spec.classes());
        }
      }
      labels = Ops.oneHot(classes, spec.classes());
    } else {
      classes = null;
    }
    if (!spec.hasCodes()) {
      return new LatentBatch(z, labels, classes, null, new int[0][], null);
    }
    int[] sizes = spec.categorical();
    int[][] categories = new int[sizes.length][n];
    Tensor codes = Tensor.zeros(n, spec.codeDim());
    Tensor continuous = Tensor.uniform(rng, -1f, 1f, n, spec.continuous());
    float[] c = codes.data();
    int width = spec.codeDim();
    for (int i = 0; i < n; i++) {
      int off = 0;
      for (int k = 0; k < sizes.length; k++) {
        categories[k][i] = rng.nextInt(sizes[k]);
        c[i * width + off + categories[k][i]] = 1f;
        off += sizes[k];
      }
      System.arraycopy(continuous.data(), i * spec.continuous(), c, i * width + off, spec.continuous());
    }
    return new LatentBatch(z, labels, classes, codes, categories, spec.continuous() > 0 ? continuous : null);
  }
}
