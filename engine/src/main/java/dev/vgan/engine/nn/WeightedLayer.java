package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;

/**
 * A layer whose weight (output channels first) can be replaced by a computed one, which is what
 * {@link SpectralNorm} needs: it runs the layer with {@code W / σ(W)} instead of {@code W}.
 */
public interface WeightedLayer {
  /** The layer's weight parameter, output dimension first. */
  Tensor weight();

  /** The layer's bias parameter, or null. */
  Tensor bias();

  /** The forward pass with {@code weight} in place of the layer's own. */
  Tensor forwardWith(Tensor x, Tensor weight);
}
