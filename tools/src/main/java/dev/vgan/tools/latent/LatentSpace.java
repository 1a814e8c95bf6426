package dev.vgan.tools.latent;

import dev.vgan.engine.core.Rng;
import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.FrozenWeights;
import dev.vgan.models.api.Generator;
import dev.vgan.models.api.LatentSpec;
import dev.vgan.models.zoo.GanModels;
import dev.vgan.tools.render.ImageTensors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A trained generator's latent space: draws z from the prior by seed, builds label and code vectors,
 * holds a constant label for a scope, and generates images for any list of {@link LatentPoint}s.
 *
 * <p>Generation runs in evaluation mode without gradients, {@link #chunkSize} points at a time; an image
 * depends only on its own point, never on the chunk it is made in. Images are (N, C, H, W) tensors with
 * pixels in [-1, 1] (−1 black, +1 white), or pictures through {@link ImageTensors}.
 *
 * <p>A latent space serves one checkpoint's weights, so it packs the generator's convolution weights once and
 * keeps them ({@link FrozenWeights}): a generator whose weights change afterwards (trained further, or loaded
 * again) needs a new latent space.
 */
public final class LatentSpace {
  private final Generator generator;
  private final String checkpointSha256;
  private final FrozenWeights frozen;
  private int chunkSize = 64;
  private float[] heldLabel;

  /** A latent space over {@code generator}; {@code checkpointSha256} identifies it in saved directions. */
  public LatentSpace(Generator generator, String checkpointSha256) {
    this.generator = generator;
    this.checkpointSha256 = checkpointSha256;
    this.frozen = new FrozenWeights(generator.weights().stream().map(Tensor::data).toList());
  }

  /** The latent space of a checkpoint written by {@code vgan train} or {@code vgan import}. */
  public static LatentSpace open(Path checkpoint) throws IOException {
    return new LatentSpace(GanModels.open(checkpoint), sha256(checkpoint));
  }

  /** What the generator takes. */
  public LatentSpec spec() {
    return generator.latent();
  }

  /** The generator itself. */
  public Generator generator() {
    return generator;
  }

  /** The SHA-256 (hex) of the checkpoint file this space was opened from. */
  public String checkpointSha256() {
    return checkpointSha256;
  }

  /** How many points one forward pass takes (default 64); changes speed and memory, never images. */
  public LatentSpace chunkSize(int points) {
    if (points < 1) {
      throw new IllegalArgumentException("chunk size must be >= 1, got " + points);
    }
    this.chunkSize = points;
    return this;
  }

  /** The z (zDim) of {@code seed}: the same seed always gives the same z. */
  public float[] z(long seed) {
    return Tensor.randn(Rng.seeded(seed), 1, spec().zDim()).data().clone();
  }

  /** The one-hot label of class {@code k}. */
  public float[] label(int k) {
    requireConditional();
    return Labels.oneHot(k, spec().classes());
  }

  /** A label mixture such as {@code {3: 0.5, 8: 0.5}}. */
  public float[] label(Map<Integer, Double> mixture) {
    requireConditional();
    return Labels.mixture(mixture, spec().classes());
  }

  /** InfoGAN codes by name ({@link Codes}); the others at category 0 or value 0. */
  public float[] codes(Map<String, Double> values) {
    return spec().hasCodes() ? Codes.vector(spec(), values) : null;
  }

  /**
   * Holds {@code label} as the label of every {@link #point} made until the returned scope closes (then
   * the label held before comes back).
   */
  public LabelScope holdLabel(float[] label) {
    requireConditional();
    if (label.length != spec().classes()) {
      throw new IllegalArgumentException("label: expected " + spec().classes() + " values, got " + label.length);
    }
    float[] before = heldLabel;
    heldLabel = label.clone();
    return () -> heldLabel = before;
  }

  /** A scope that holds a label; closing it restores the label held before. */
  public interface LabelScope extends AutoCloseable {
    @Override
    void close();
  }

  /** The point of {@code seed}'s z with the held label and default codes. */
  public LatentPoint point(long seed) {
    return point(z(seed));
  }

  /**
   * The point of {@code z} with the held label and default codes. A conditional model needs a label:
   * without one held this fails and says how to give one.
   */
  public LatentPoint point(float[] z) {
    if (z.length != spec().zDim()) {
      throw new IllegalArgumentException("z: expected " + spec().zDim() + " values, got " + z.length);
    }
    if (spec().conditional() && heldLabel == null) {
      throw new IllegalStateException("this model is conditional (" + spec().classes() + " classes) and needs a label: "
          + "hold one with holdLabel(label(k)) in code, or pass --label K (or a mixture like --label 3:0.5,8:0.5)");
    }
    return new LatentPoint(z.clone(), heldLabel == null ? null : heldLabel.clone(), codes(Map.of()));
  }

  /** Images (N, C, H, W) in [-1, 1] for {@code points}. */
  public Tensor generate(List<LatentPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("generate: no points");
    }
    LatentSpec s = spec();
    Tensor out = null;
    for (int start = 0; start < points.size(); start += chunkSize) {
      List<LatentPoint> chunk = points.subList(start, Math.min(points.size(), start + chunkSize));
      Tensor images = frozen.run(() -> generator.generate(stack(chunk, LatentPoint::z, s.zDim(), "z"),
          s.conditional() ? stack(chunk, LatentPoint::label, s.classes(), "label") : null,
          s.hasCodes() ? stack(chunk, LatentPoint::codes, s.codeDim(), "codes") : null));
      if (out == null) {
        out = Tensor.zeros(points.size(), images.size(1), images.size(2), images.size(3));
      }
      int per = images.numel() / chunk.size();
      System.arraycopy(images.data(), 0, out.data(), start * per, images.numel());
    }
    return out;
  }

  /** Pictures for {@code points}. */
  public List<BufferedImage> images(List<LatentPoint> points) {
    return ImageTensors.toImages(generate(points));
  }

  private static Tensor stack(List<LatentPoint> points, java.util.function.Function<LatentPoint, float[]> part,
      int width, String name) {
    float[] out = new float[points.size() * width];
    for (int i = 0; i < points.size(); i++) {
      float[] v = part.apply(points.get(i));
      if (v == null || v.length != width) {
        throw new IllegalArgumentException("point " + i + ": " + name + " needs " + width + " values, got "
            + (v == null ? "none" : v.length));
      }
      System.arraycopy(v, 0, out, i * width, width);
    }
    return Tensor.of(out, points.size(), width);
  }

  private void requireConditional() {
    if (!spec().conditional()) {
      throw new IllegalArgumentException("this model is not conditional: it takes no label");
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
