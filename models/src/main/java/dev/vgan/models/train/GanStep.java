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
  /** Trains on one batch of real images (with labels when the family is conditional). */
  TrainStats step(Batches.Batch real);

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
