package dev.vgan.models.train;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.optim.Optimizer;
import dev.vgan.models.data.Batches;

/**
 * One family's training step (one D update and one G update) and the state a checkpoint needs. The
 * trainer drives any family through this, never through a family's own type.
 */
public interface GanStep {
  /**
   * Trains on one batch of real images (with labels when the family is conditional); {@code index} is the
   * number of steps done before this one in the whole run (a family with several D updates per G update
   * counts with it, so a resumed run continues the cycle).
   */
  TrainStats step(Batches.Batch real, long index);

  /** The generator. */
  Module generator();

  /** The discriminator (critic). */
  Module discriminator();

  /** The generator's optimizer. */
  Optimizer optimizerG();

  /** The discriminator's optimizer. */
  Optimizer optimizerD();

  /** The step's random generator (latent samples); its state is saved and restored. */
  Rng rng();
}
