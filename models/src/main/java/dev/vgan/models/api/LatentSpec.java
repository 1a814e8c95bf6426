package dev.vgan.models.api;

import java.util.Arrays;

/**
 * What a generator's latent input holds, beside noise: {@code z} (N, zDim) from a standard normal prior;
 * for a conditional model a label vector (N, classes) — one-hot for a class, any non-negative mixture
 * summing to 1 for a blend; for InfoGAN a code vector (N, codeDim): one one-hot block per categorical code
 * (sizes {@code categorical}), then {@code continuous} values whose prior is uniform on [-1, 1].
 *
 * @param zDim noise size
 * @param classes label classes, 0 for an unconditional model
 * @param categorical sizes of the categorical codes (empty when none)
 * @param continuous number of continuous codes
 */
public record LatentSpec(int zDim, int classes, int[] categorical, int continuous) {
  /** Checks the values and copies the array. */
  public LatentSpec {
    if (zDim < 1 || classes < 0 || continuous < 0) {
      throw new IllegalArgumentException("latent: zDim must be >= 1 and classes, continuous >= 0; got z " + zDim
          + ", classes " + classes + ", continuous " + continuous);
    }
    categorical = categorical.clone();
    for (int c : categorical) {
      if (c < 2) {
        throw new IllegalArgumentException("latent: a categorical code needs at least 2 values, got " + c);
      }
    }
  }

  /** Noise only. */
  public static LatentSpec noise(int zDim) {
    return new LatentSpec(zDim, 0, new int[0], 0);
  }

  /** Whether the generator takes a label vector. */
  public boolean conditional() {
    return classes > 0;
  }

  /** Whether the generator takes a code vector. */
  public boolean hasCodes() {
    return codeDim() > 0;
  }

  /** The width of the code vector: all categorical one-hot blocks and the continuous codes. */
  public int codeDim() {
    return Arrays.stream(categorical).sum() + continuous;
  }

  @Override
  public int[] categorical() {
    return categorical.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatentSpec s && s.zDim == zDim && s.classes == classes && s.continuous == continuous
        && Arrays.equals(s.categorical, categorical);
  }

  @Override
  public int hashCode() {
    return (zDim * 31 + classes) * 31 + Arrays.hashCode(categorical) * 7 + continuous;
  }

  @Override
  public String toString() {
    return "z " + zDim + (classes > 0 ? ", " + classes + " classes" : "")
        + (categorical.length > 0 ? ", categorical " + Arrays.toString(categorical) : "")
        + (continuous > 0 ? ", " + continuous + " continuous" : "");
  }
}
