package dev.vgan.tools.latent;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.LatentSpec;

/**
 * The fixed latent inputs of a sample grid, so grids of one run compare epoch to epoch: one z per column
 * (the same down every column), and per row a class (conditional models, one row per class up to 10) or a
 * value of the first categorical code (InfoGAN, continuous codes at 0); unconditional models get a fresh z
 * in every cell.
 *
 * @param z (rows·cols, zDim)
 * @param labels (rows·cols, classes) one-hot, or null
 * @param codes (rows·cols, codeDim), or null
 * @param rows grid rows
 * @param cols grid columns
 */
public record GridLatents(Tensor z, Tensor labels, Tensor codes, int rows, int cols) {
  /** Most rows a grid shows. */
  public static final int MAX_ROWS = 10;

  /** The grid for {@code spec}, {@code cols} wide, from {@code seed}. */
  public static GridLatents of(LatentSpec spec, int cols, long seed) {
    Rng rng = Rng.seeded(seed);
    int[] cat = spec.categorical();
    int rows = spec.conditional() ? Math.min(spec.classes(), MAX_ROWS)
        : cat.length > 0 ? Math.min(cat[0], MAX_ROWS) : cols;
    int n = rows * cols;
    boolean perRow = spec.conditional() || cat.length > 0;
    Tensor zCols = Tensor.randn(rng, perRow ? cols : n, spec.zDim());
    Tensor z = Tensor.zeros(n, spec.zDim());
    for (int i = 0; i < n; i++) {
      int src = perRow ? i % cols : i;
      System.arraycopy(zCols.data(), src * spec.zDim(), z.data(), i * spec.zDim(), spec.zDim());
    }
    int[] rowOf = new int[n];
    for (int i = 0; i < n; i++) {
      rowOf[i] = i / cols;
    }
    Tensor labels = spec.conditional() ? Ops.oneHot(rowOf, spec.classes()) : null;
    Tensor codes = null;
    if (spec.hasCodes()) {
      codes = Tensor.zeros(n, spec.codeDim());
      int off = 0;
      for (int k = 0; k < cat.length; k++) {
        for (int i = 0; i < n; i++) {
          int value = k == 0 ? rowOf[i] % cat[0] : 0;
          codes.data()[i * spec.codeDim() + off + value] = 1f;
        }
        off += cat[k];
      }
    }
    return new GridLatents(z, labels, codes, rows, cols);
  }
}
