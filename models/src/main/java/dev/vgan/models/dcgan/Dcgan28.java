package dev.vgan.models.dcgan;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.nn.BatchNorm1d;
import dev.vgan.engine.nn.BatchNorm2d;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.ConvTranspose2d;
import dev.vgan.engine.nn.Flatten;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.nn.Tanh;
import dev.vgan.engine.nn.Unflatten;

/**
 * The DCGAN for 28×28 grayscale images of WORKLOADS.md (W2), layer for layer as the PyTorch
 * {@code nn.Sequential}s there, so a PyTorch state dict of either network loads by name.
 */
public final class Dcgan28 {
  /** The latent size. */
  public static final int Z = 100;

  private Dcgan28() {}

  /** {@code z (N, 100) → images (N, 1, 28, 28)} in [-1, 1]. */
  public static Sequential generator(Rng rng) {
    return new Sequential(
        new Linear(Z, 256 * 7 * 7, rng),                       // (N, 12544)
        new BatchNorm1d(256 * 7 * 7),
        new Relu(),
        new Unflatten(256, 7, 7),                              // (N, 256, 7, 7)
        new ConvTranspose2d(256, 128, 4, 2, 1, true, rng),     // (N, 128, 14, 14)
        new BatchNorm2d(128),
        new Relu(),
        new ConvTranspose2d(128, 1, 4, 2, 1, true, rng),       // (N, 1, 28, 28)
        new Tanh());
  }

  /** {@code images (N, 1, 28, 28) → logits (N, 1)}. */
  public static Sequential discriminator(Rng rng) {
    return new Sequential(
        new Conv2d(1, 64, 4, 2, 1, true, rng),                 // (N, 64, 14, 14)
        new LeakyRelu(0.2f),
        new Conv2d(64, 128, 4, 2, 1, true, rng),               // (N, 128, 7, 7)
        new BatchNorm2d(128),
        new LeakyRelu(0.2f),
        new Flatten(),                                         // (N, 6272)
        new Linear(6272, 1, rng));                             // (N, 1)
  }
}
