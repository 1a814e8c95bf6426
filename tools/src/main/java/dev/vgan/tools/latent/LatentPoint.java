package dev.vgan.tools.latent;

import java.util.Arrays;

/**
 * One latent input of a generator: z, and the label and code vectors when the model takes them.
 *
 * @param z (zDim) noise
 * @param label (classes) one-hot or a mixture, or null for an unconditional model
 * @param codes (codeDim) InfoGAN codes, or null when the model has none
 */
public record LatentPoint(float[] z, float[] label, float[] codes) {
  /** This point with another z. */
  public LatentPoint withZ(float[] newZ) {
    return new LatentPoint(newZ, label, codes);
  }

  /** This point with another label vector. */
  public LatentPoint withLabel(float[] newLabel) {
    return new LatentPoint(z, newLabel, codes);
  }

  /** This point with another code vector. */
  public LatentPoint withCodes(float[] newCodes) {
    return new LatentPoint(z, label, newCodes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatentPoint p && Arrays.equals(p.z, z) && Arrays.equals(p.label, label)
        && Arrays.equals(p.codes, codes);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(z) * 31 + Arrays.hashCode(label)) * 31 + Arrays.hashCode(codes);
  }

  @Override
  public String toString() {
    return "LatentPoint[z " + z.length + (label == null ? "" : ", label " + Arrays.toString(label))
        + (codes == null ? "" : ", codes " + Arrays.toString(codes)) + "]";
  }
}
