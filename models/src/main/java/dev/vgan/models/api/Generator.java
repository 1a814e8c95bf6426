package dev.vgan.models.api;

import dev.vgan.engine.core.Tensor;
import java.util.List;

/**
 * A trained generator as tools see it. {@link #generate} runs in evaluation mode (batch norm uses its
 * running statistics) without recording gradients, so an image depends only on its own latent input,
 * never on the batch it is made in.
 */
public interface Generator {
  /** What the latent input holds. */
  LatentSpec latent();

  /** The images made. */
  ImageSpec image();

  /**
   * Images for a batch of latent inputs.
   *
   * <p>Shape: z (N, zDim); labels (N, classes) or null when {@code !latent().conditional()}; codes (N,
   * codeDim) or null when the model has none. Returns (N, C, H, W) in [-1, 1].
   */
  Tensor generate(Tensor z, Tensor labels, Tensor codes);

  /**
   * The tensors that hold the generator's learned weights (a trained generator's stay fixed): what a served
   * generator may keep packed ({@code dev.vgan.engine.kernel.FrozenWeights}). None by default.
   */
  default List<Tensor> weights() {
    return List.of();
  }

  /** The weight that first meets z. */
  LatentProjection projection();
}
