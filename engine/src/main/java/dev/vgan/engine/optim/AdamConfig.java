package dev.vgan.engine.optim;

/**
 * Adam's settings, named as {@code torch.optim.Adam}'s arguments.
 *
 * @param lr learning rate
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param eps added to the bias-corrected denominator
 * @param weightDecay 0 for none
 * @param decoupled true for AdamW (decay applied to the weights), false for L2 added to the gradient
 */
public record AdamConfig(float lr, float beta1, float beta2, float eps, float weightDecay, boolean decoupled) {
  /** Validates ranges, naming the bad value. */
  public AdamConfig {
    if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps >= 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("AdamConfig: invalid " + this);
    }
  }

  /** PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay. */
  public static AdamConfig defaults() {
    return new AdamConfig(1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false);
  }

  /** The given learning rate and betas, eps 1e-8, no weight decay (DCGAN: 2e-4, 0.5, 0.999). */
  public static AdamConfig of(float lr, float beta1, float beta2) {
    return new AdamConfig(lr, beta1, beta2, 1e-8f, 0f, false);
  }
}
