package dev.vgan.models.dcgan;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.blocks.ConvNets;
import java.util.ArrayList;
import java.util.List;

/**
 * The DCGAN for 28×28 grayscale images of WORKLOADS.md (W2), layer for layer as the PyTorch
 * {@code nn.Sequential}s there, so a PyTorch state dict of either network loads by name:
 * <pre>
 * G: Linear(100, 12544), BatchNorm1d, ReLU, Unflatten(256, 7, 7), ConvTranspose2d(256, 128, 4, 2, 1),
 *    BatchNorm2d, ReLU, ConvTranspose2d(128, 1, 4, 2, 1), Tanh
 * D: Conv2d(1, 64, 4, 2, 1), LeakyReLU(0.2), Conv2d(64, 128, 4, 2, 1), BatchNorm2d, LeakyReLU(0.2),
 *    Flatten, Linear(6272, 1)
 * </pre>
 */
public final class Dcgan28 {
  /** The latent size. */
  public static final int Z = 100;
  private static final ImageSpec IMAGE = new ImageSpec(1, 28, 28);

  private Dcgan28() {}

  /** {@code z (N, 100) → images (N, 1, 28, 28)} in [-1, 1]. */
  public static Sequential generator(Rng rng) {
    return new Sequential(ConvNets.generator(IMAGE, Z, 128, rng).toArray(Module[]::new));
  }

  /** {@code images (N, 1, 28, 28) → logits (N, 1)}. */
  public static Sequential discriminator(Rng rng) {
    List<Module> layers = new ArrayList<>(ConvNets.discriminator(IMAGE, 64, true, rng));   // (N, 6272)
    layers.add(new Linear(ConvNets.features(IMAGE, 64), 1, rng));                          // (N, 1)
    return new Sequential(layers.toArray(Module[]::new));
  }
}
