package dev.vgan.models.train;

/**
 * The losses of one training step.
 *
 * @param lossD the discriminator's (critic's) loss
 * @param lossG the generator's loss
 */
public record TrainStats(float lossD, float lossG) {
  /** True when both losses are finite numbers. */
  public boolean finite() {
    return Float.isFinite(lossD) && Float.isFinite(lossG);
  }
}
