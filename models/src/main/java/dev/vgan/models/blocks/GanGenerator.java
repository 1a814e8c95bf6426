package dev.vgan.models.blocks;

import dev.vgan.engine.core.Autograd;
import dev.vgan.engine.core.Inference;
import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Embedding;
import dev.vgan.engine.nn.Linear;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Parameter;
import dev.vgan.engine.nn.Sequential;
import dev.vgan.engine.ops.Ops;
import dev.vgan.models.api.GanConfig;
import dev.vgan.models.api.GanKind;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.ImageSpec;
import dev.vgan.models.api.LatentProjection;
import dev.vgan.models.api.LatentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A family's generator: assembles the latent input by the family's conditioning, then runs the
 * {@link ConvNets#generator} body ({@code main}). Conditioning: cGAN and WGAN-GP concatenate the label
 * vector to z; ACGAN multiplies z by the label's embedding (a soft label gives the mixture of
 * embeddings, {@code y·E}); InfoGAN concatenates its codes. State-dict keys: {@code main.*} and, for
 * ACGAN, {@code embedding.weight} (classes, zDim).
 */
public final class GanGenerator extends Module implements Generator {
  private final GanConfig config;
  private final Embedding embedding;
  private final Sequential main;
  /** {@link #generate}'s recycled intermediate storage. */
  private final Inference inference = new Inference();

  /** The generator for {@code config}, initialized as DCGAN does. */
  public GanGenerator(GanConfig config, Rng rng) {
    this.config = config;
    LatentSpec l = config.latent();
    this.embedding = config.kind() == GanKind.ACGAN ? child("embedding", new Embedding(l.classes(), l.zDim(), rng)) : null;
    this.main = child("main", new Sequential(ConvNets.generator(config.image(), inputWidth(config), config.width(),
        rng).toArray(Module[]::new)));
  }

  /** The width of the assembled input that the body's first Linear takes. */
  static int inputWidth(GanConfig c) {
    LatentSpec l = c.latent();
    boolean concatLabels = c.kind() == GanKind.CGAN || c.kind() == GanKind.WGANGP;
    return l.zDim() + (concatLabels ? l.classes() : 0) + l.codeDim();
  }

  /** The config this generator was built from. */
  public GanConfig config() {
    return config;
  }

  /** The body (state-dict prefix {@code main.}). */
  public Sequential main() {
    return main;
  }

  /** Images from an unconditional model's z; see {@link #forward(Tensor, Tensor, Tensor)}. */
  @Override
  public Tensor forward(Tensor z) {
    return forward(z, null, null);
  }

  /**
   * Differentiable forward in the module's current mode.
   *
   * <p>Shape: z (N, zDim), labels (N, classes) or null, codes (N, codeDim) or null → (N, C, H, W).
   */
  public Tensor forward(Tensor z, Tensor labels, Tensor codes) {
    return main.forward(input(z, labels, codes));
  }

  private Tensor input(Tensor z, Tensor labels, Tensor codes) {
    LatentSpec l = config.latent();
    int n = z.size(0);
    check("z", z, n, l.zDim(), true);
    check("labels", labels, n, l.classes(), l.conditional());
    check("codes", codes, n, l.codeDim(), l.hasCodes());
    List<Tensor> parts = new ArrayList<>();
    if (embedding != null) {
      parts.add(Ops.mul(z, Ops.matmul(labels, embedding.weight())));   // (N, zDim): z ⊙ y·E
    } else {
      parts.add(z);
      if (l.conditional()) {
        parts.add(labels);                                               // (N, classes)
      }
    }
    if (l.hasCodes()) {
      parts.add(codes);                                                  // (N, codeDim)
    }
    return parts.size() == 1 ? parts.get(0) : Ops.concat(parts, 1);
  }

  private void check(String what, Tensor t, int n, int width, boolean needed) {
    if (!needed) {
      if (t != null) {
        throw new IllegalArgumentException(config.kind().id() + " generator takes no " + what);
      }
      return;
    }
    if (t == null) {
      throw new IllegalArgumentException(config.kind().id() + " generator needs " + what + " (N, " + width + ")"
          + (what.equals("labels") ? ": give a class (or a mixture of classes) for each sample" : ""));
    }
    if (t.rank() != 2 || t.size(0) != n || t.size(1) != width) {
      throw new IllegalArgumentException(config.kind().id() + " generator: " + what + " must be (" + n + ", " + width
          + "), got " + t.shape());
    }
  }

  @Override
  public LatentSpec latent() {
    return config.latent();
  }

  @Override
  public ImageSpec image() {
    return config.image();
  }

  /**
   * Rows {@link #generate} runs at least. A kernel may sum a product of a few rows in another order than
   * a larger one (the SIMD backend's SGEMM does below 5 rows); padding smaller requests with copies of
   * their last input keeps every image's bits independent of how many are asked for at once.
   */
  static final int MIN_ROWS = 8;

  @Override
  public List<Tensor> weights() {
    return parameters().stream().map(Parameter::value).toList();
  }

  @Override
  public Tensor generate(Tensor z, Tensor labels, Tensor codes) {
    int n = z.size(0);
    boolean wasTraining = isTraining();
    eval();
    try {
      return inference.run(() -> n >= MIN_ROWS ? forward(z, labels, codes)
          : Ops.narrow(forward(padRows(z), padRows(labels), padRows(codes)), 0, 0, n));
    } finally {
      train(wasTraining);
    }
  }

  /** {@code t} (n, w) with its last row repeated up to {@link #MIN_ROWS} rows; null stays null. */
  private static Tensor padRows(Tensor t) {
    if (t == null) {
      return null;
    }
    int n = t.size(0), w = t.size(1);
    float[] out = java.util.Arrays.copyOf(t.data(), MIN_ROWS * w);
    for (int r = n; r < MIN_ROWS; r++) {
      System.arraycopy(t.data(), (n - 1) * w, out, r * w, w);
    }
    return Tensor.of(out, MIN_ROWS, w);
  }

  @Override
  public LatentProjection projection() {
    Linear first = (Linear) main.get(0);
    try (var off = Autograd.noGrad()) {
      return new LatentProjection("main.0.weight", Ops.narrow(first.weight(), 1, 0, config.latent().zDim()).copy());
    }
  }
}
