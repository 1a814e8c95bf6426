package dev.vgan.models.blocks;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.nn.BatchNorm1d;
import dev.vgan.engine.nn.BatchNorm2d;
import dev.vgan.engine.nn.Conv2d;
import dev.vgan.engine.nn.ConvTranspose2d;
import dev.vgan.engine.nn.Flatten;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Relu;
import dev.vgan.engine.nn.Tanh;
import dev.vgan.engine.nn.Unflatten;
import dev.vgan.models.api.ImageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DCGAN-style convolutional bodies. The generator starts from a {@code base × base} map (7 for 28-pixel
 * images, else 4) and doubles the resolution with 4×4 stride-2 transposed convolutions, halving the
 * channels each time down to {@code width}; the discriminator mirrors it with stride-2 convolutions. At 28
 * pixels with width 128 these are exactly the W2 networks of WORKLOADS.md.
 */
public final class ConvNets {
  private ConvNets() {}

  /** The side of the first feature map: 7 for 28-pixel images, 4 for 32 and 64. */
  public static int base(ImageSpec image) {
    int side = image.height();
    if (image.width() != side || (side != 28 && side != 32 && side != 64)) {
      throw new IllegalArgumentException("conv nets: images must be square 28, 32 or 64 pixels, got " + image);
    }
    return side == 28 ? 7 : 4;
  }

  /** Resolution doublings from the base map to the image. */
  static int doublings(ImageSpec image) {
    return Integer.numberOfTrailingZeros(image.height() / base(image));
  }

  /** {@code (N, in) → (N, C, H, W)} in [-1, 1]: Linear, then transposed convolutions, tanh. */
  public static List<Module> generator(ImageSpec image, int in, int width, Rng rng) {
    int base = base(image), ups = doublings(image);
    int top = width << (ups - 1);
    List<Module> layers = new ArrayList<>(List.of(
        new Linear(in, top * base * base, rng),                          // (N, top·base²)
        new BatchNorm1d(top * base * base),
        new Relu(),
        new Unflatten(top, base, base)));                                // (N, top, base, base)
    int ch = top;
    for (int i = 1; i < ups; i++) {
      layers.add(new ConvTranspose2d(ch, ch / 2, 4, 2, 1, true, rng));  // (N, ch/2, 2s, 2s)
      layers.add(new BatchNorm2d(ch / 2));
      layers.add(new Relu());
      ch /= 2;
    }
    layers.add(new ConvTranspose2d(ch, image.channels(), 4, 2, 1, true, rng)); // (N, C, H, W)
    layers.add(new Tanh());
    return layers;
  }

  /**
   * {@code (N, C, H, W) → (N, features)}: stride-2 convolutions from {@code width} channels, doubling, with
   * LeakyReLU(0.2) and (except after the first, and never when {@code batchNorm} is false — a WGAN-GP
   * critic's penalty is per sample) batch norm, then flatten.
   */
  public static List<Module> discriminator(ImageSpec image, int width, boolean batchNorm, Rng rng) {
    return discriminator(image, width, batchNorm, 0, rng);
  }

  /**
   * As {@link #discriminator(ImageSpec, int, boolean, Rng)}, with the second convolution taking {@code
   * extra} more input channels (label planes appended to the first layer's output, layer index 2).
   */
  public static List<Module> discriminator(ImageSpec image, int width, boolean batchNorm, int extra, Rng rng) {
    int downs = doublings(image);
    List<Module> layers = new ArrayList<>();
    int in = image.channels(), ch = width;
    for (int i = 0; i < downs; i++) {
      layers.add(new Conv2d(in + (i == 1 ? extra : 0), ch, 4, 2, 1, true, rng)); // (N, ch, s/2, s/2)
      if (i > 0 && batchNorm) {
        layers.add(new BatchNorm2d(ch));
      }
      layers.add(new LeakyRelu(0.2f));
      in = ch;
      ch *= 2;
    }
    layers.add(new Flatten());                                           // (N, features)
    return layers;
  }

  /** The discriminator body's output width. */
  public static int features(ImageSpec image, int width) {
    int base = base(image);
    return (width << (doublings(image) - 1)) * base * base;
  }
}
