package dev.vgan.models.blocks;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.LeakyRelu;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.LatentSpec;
import java.util.List;

/**
 * A family's discriminator (or critic): the {@link ConvNets#discriminator} body ({@code main}) and heads
 * on its features. {@code adv} scores real against fake. cGAN and WGAN-GP concatenate the label vector to
 * the first layer's features, as one constant plane per class (a label joined only at the score could
 * add no more than a per-class offset, and never judge whether an image fits its label). ACGAN adds {@code aux}, class logits; InfoGAN adds {@code q}, which predicts
 * the codes (categorical logits, then continuous means). The WGAN-GP critic has no batch norm.
 */
public final class GanDiscriminator extends Module {
  /**
   * The heads' outputs for a batch.
   *
   * @param adv (N, 1) real/fake logits (critic scores for WGAN-GP)
   * @param aux (N, classes) class logits, or null
   * @param q (N, codeDim) code predictions, or null
   */
  public record Output(Tensor adv, Tensor aux, Tensor q) {}

  private final GanConfig config;
  private final boolean labelPlanes;
  private final Sequential main;
  private final Linear adv;
  private final Linear aux;
  private final Sequential q;

  /** The discriminator for {@code config}, initialized as DCGAN does. */
  public GanDiscriminator(GanConfig config, Rng rng) {
    this.config = config;
    GanKind kind = config.kind();
    LatentSpec l = config.latent();
    int features = ConvNets.features(config.image(), discriminatorWidth(config));
    this.labelPlanes = kind == GanKind.CGAN || kind == GanKind.WGANGP;
    this.main = child("main", new Sequential(ConvNets.discriminator(config.image(), discriminatorWidth(config),
        kind != GanKind.WGANGP, labelPlanes ? l.classes() : 0, rng).toArray(Module[]::new)));
    this.adv = child("adv", new Linear(features, 1, rng));
    this.aux = kind == GanKind.ACGAN ? child("aux", new Linear(features, l.classes(), rng)) : null;
    this.q = kind == GanKind.INFOGAN
        ? child("q", new Sequential(new Linear(features, 128, rng), new LeakyRelu(0.2f), new Linear(128, l.codeDim(), rng)))
        : null;
  }

  /**
   * The discriminator's first width: the generator's last hidden width halved, as in the W2 networks
   * (generator ends at 128 channels, discriminator starts at 64).
   */
  static int discriminatorWidth(GanConfig c) {
    return Math.max(1, c.width() / 2);
  }

  /** Real/fake logits of an unconditional model: {@code (N, C, H, W) → (N, 1)}. */
  @Override
  public Tensor forward(Tensor images) {
    return forward(images, null).adv();
  }

  /**
   * All heads.
   *
   * <p>Shape: images (N, C, H, W), labels (N, classes) for cGAN and WGAN-GP (else ignored, may be null).
   */
  public Output forward(Tensor images, Tensor labels) {
    if (labelPlanes && labels == null) {
      throw new IllegalArgumentException(config.kind().id() + " discriminator needs the labels (N, "
          + config.latent().classes() + ")");
    }
    Tensor x = images;
    for (int i = 0; i < main.size(); i++) {
      x = main.get(i).forward(x);
      if (i == 1 && labelPlanes) {                                          // after the first conv and LeakyReLU
        x = Ops.concat(List.of(x, planes(labels, x.size(2), x.size(3))), 1); // (N, width + classes, h, w)
      }
    }
    Tensor features = x;                                                    // (N, features)
    return new Output(adv.forward(features), aux == null ? null : aux.forward(features),
        q == null ? null : q.forward(features));
  }

  /** {@code y (N, K) → (N, K, h, w)}: each label value spread over a constant plane. */
  private static Tensor planes(Tensor y, int h, int w) {
    int n = y.size(0), k = y.size(1), plane = h * w;
    Tensor out = Tensor.empty(dev.vgan.engine.core.Shape.of(n, k, h, w));
    for (int i = 0; i < n * k; i++) {
      java.util.Arrays.fill(out.data(), i * plane, (i + 1) * plane, y.data()[i]);
    }
    return out;
  }
}
