package dev.vgan.models.zoo;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.core.TensorArena;
import dev.vgan.engine.loss.GradientPenalty;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.ops.Ops;
import dev.vgan.engine.optim.Adam;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.blocks.GanDiscriminator;
import dev.vgan.models.blocks.GanGenerator;
import dev.vgan.models.api.LatentBatch;
import dev.vgan.models.data.Batches;
import dev.vgan.models.train.AdversarialLoss;
import dev.vgan.models.train.GanStep;
import dev.vgan.models.train.TrainConfig;
import dev.vgan.models.train.TrainStats;

/**
 * One training step of any family: a discriminator update on every batch, and a generator update on
 * every {@code dSteps}-th. Fakes are made for the real batch's labels. Besides the adversarial loss:
 * <ul>
 *   <li>ACGAN — the class head's cross-entropy, for D on real images only (weight 2, as the Keras
 *       example: a D that learns to classify fakes rewards G for class-telling artifacts rather than
 *       class-telling shapes), for G on its fakes;
 *   <li>InfoGAN — the codes' mutual-information bound, cross-entropy for each categorical code plus
 *       Gaussian NLL (unit variance) for the continuous ones, trains D's body and Q head on detached fakes
 *       and G through a frozen Q;
 *   <li>WGAN-GP — λ times the gradient penalty at real/fake interpolates, for the critic under the
 *       real labels.
 * </ul>
 * D is frozen during G's update. Intermediate tensors live in a {@link TensorArena}.
 */
final class AdversarialStep implements GanStep {
  private final GanGenerator generator;
  private final GanDiscriminator discriminator;
  private final TrainConfig train;
  private final LatentSpec latent;
  private final Adam optG;
  private final Adam optD;
  private final Rng rng;
  private final TensorArena arena = new TensorArena();
  private float lastLossG = Float.NaN;

  AdversarialStep(GanGenerator generator, GanDiscriminator discriminator, TrainConfig train, Rng rng) {
    this.generator = generator;
    this.discriminator = discriminator;
    this.train = train;
    this.latent = generator.latent();
    this.optG = new Adam(generator.parameters(), train.adamG());
    this.optD = new Adam(discriminator.parameters(), train.adamD());
    this.rng = rng;
  }

  @Override
  public TrainStats step(Batches.Batch real, long index) {
    if (latent.conditional() && real.labels() == null) {
      throw new IllegalArgumentException("this model is conditional but the batch has no labels");
    }
    try (var scope = arena.enter()) {
      Tensor y = latent.conditional() ? Ops.oneHot(real.labels(), latent.classes()) : null;
      float lossD = updateDiscriminator(real, y);
      if ((index + 1) % train.dSteps() == 0) {
        lastLossG = updateGenerator(real.images().size(0), real.labels(), y);
      }
      return new TrainStats(lossD, index + 1 < train.dSteps() ? 0f : lastLossG);
    }
  }

  private float updateDiscriminator(Batches.Batch real, Tensor y) {
    Tensor images = real.images();
    LatentBatch fakeIn = LatentBatch.sample(latent, images.size(0), real.labels(), rng);
    Tensor fake = generator.forward(fakeIn.z(), fakeIn.labels(), fakeIn.codes()).detach();
    optD.zeroGrad();
    GanDiscriminator.Output onReal = discriminator.forward(images, y);
    GanDiscriminator.Output onFake = discriminator.forward(fake, fakeIn.labels());
    Tensor loss = train.loss().discriminator(onReal.adv(), onFake.adv());
    if (train.loss() == AdversarialLoss.WASSERSTEIN_GP) {
      Tensor penalty = GradientPenalty.of(x -> discriminator.forward(x, y).adv(), images, fake, rng);
      loss = Ops.add(loss, Ops.mul(penalty, train.gpWeight()));
    }
    if (onReal.aux() != null) {
      loss = Ops.add(loss, Ops.mul(Losses.crossEntropy(onReal.aux(), real.labels()), 2f));
    }
    if (onFake.q() != null) {
      loss = Ops.add(loss, Ops.mul(InfoLoss.of(onFake.q(), fakeIn, latent), train.infoWeight()));
    }
    loss.backward();
    optD.step();
    return loss.item();
  }

  private float updateGenerator(int n, int[] classes, Tensor y) {
    LatentBatch in = LatentBatch.sample(latent, n, classes, rng);
    optG.zeroGrad();
    discriminator.requiresGrad(false);
    try {
      GanDiscriminator.Output out = discriminator.forward(generator.forward(in.z(), in.labels(), in.codes()), y);
      Tensor loss = train.loss().generator(out.adv());
      if (out.aux() != null) {
        loss = Ops.add(loss, Losses.crossEntropy(out.aux(), in.classes()));
      }
      if (out.q() != null) {
        loss = Ops.add(loss, Ops.mul(InfoLoss.of(out.q(), in, latent), train.infoWeight()));
      }
      loss.backward();
      optG.step();
      return loss.item();
    } finally {
      discriminator.requiresGrad(true);
    }
  }

  @Override
  public GanGenerator generator() {
    return generator;
  }

  @Override
  public GanDiscriminator discriminator() {
    return discriminator;
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
  public Rng rng() {
    return rng;
  }
}
