package dev.vgan.models.dcgan;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.core.TensorArena;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.ops.Ops;
import dev.vgan.engine.optim.Adam;
import dev.vgan.engine.optim.AdamConfig;
import dev.vgan.models.data.Batches;
import dev.vgan.models.train.GanStep;
import dev.vgan.models.train.TrainStats;

/**
 * One DCGAN training step (WORKLOADS.md W2): a discriminator update on real images and detached fakes,
 * then a generator update on fresh fakes with the non-saturating loss. Both use Adam.
 */
public final class DcganStep implements GanStep {
  private final Module generator;
  private final Module discriminator;
  private final Adam optG;
  private final Adam optD;
  private final int zDim;
  private final Rng rng;
  private final TensorArena arena = new TensorArena();

  /** Trains {@code generator} ({@code (N, zDim) → images}) against {@code discriminator} (images → logits). */
  public DcganStep(Module generator, Module discriminator, int zDim, AdamConfig adam, Rng rng) {
    this.generator = generator;
    this.discriminator = discriminator;
    this.optG = new Adam(generator.parameters(), adam);
    this.optD = new Adam(discriminator.parameters(), adam);
    this.zDim = zDim;
    this.rng = rng;
  }

  @Override
  public Adam optimizerG() {
    return optG;
  }

  @Override
  public Adam optimizerD() {
    return optD;
  }

  @Override
  public Module generator() {
    return generator;
  }

  @Override
  public Module discriminator() {
    return discriminator;
  }

  @Override
  public Rng rng() {
    return rng;
  }

  @Override
  public TrainStats step(Batches.Batch real, long index) {
    return step(real.images());
  }

  /**
   * One D update then one G update on a batch of real images {@code (N, C, H, W)} in [-1, 1]. The
   * step's intermediate tensors live in a {@link TensorArena}, so from the second step on it reuses
   * their storage instead of allocating.
   */
  public TrainStats step(Tensor real) {
    try (var scope = arena.enter()) {
      return stepInArena(real);
    }
  }

  private TrainStats stepInArena(Tensor real) {
    int n = real.size(0);

    // (1) D: maximize log D(x) + log(1 − D(G(z)))
    Tensor fake = generator.forward(Tensor.randn(rng, n, zDim));
    optD.zeroGrad();
    Tensor lossD = Ops.add(Losses.bceWithLogits(discriminator.forward(real), 1f),
        Losses.bceWithLogits(discriminator.forward(fake.detach()), 0f));
    lossD.backward();
    optD.step();

    // (2) G: maximize log D(G(z)) on fresh samples (non-saturating form). D is frozen meanwhile: its
    // weight gradients would be discarded anyway.
    optG.zeroGrad();
    discriminator.requiresGrad(false);
    Tensor lossG;
    try {
      lossG = Losses.bceWithLogits(discriminator.forward(generator.forward(Tensor.randn(rng, n, zDim))), 1f);
      lossG.backward();
    } finally {
      discriminator.requiresGrad(true);
    }
    optG.step();
    return new TrainStats(lossD.item(), lossG.item());
  }
}
