package dev.vgan.engine.kernel;

/**
 * The scalars of one Adam step, precomputed once per step for every parameter tensor; the formula is
 * PyTorch's {@code torch.optim.Adam} (single-tensor path):
 *
 * <pre>
 *   g = grad + weightDecay * p                 (L2 form; decoupled form instead: p *= 1 - lr * weightDecay)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g * g
 *   p = p - stepSize * m / (sqrt(v) / sqrt(1 - beta2^t) + eps),   stepSize = lr / (1 - beta1^t)
 * </pre>
 *
 * @param lr learning rate
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param oneMinusBeta1 {@code 1 - beta1}, computed in double as PyTorch does
 * @param oneMinusBeta2 {@code 1 - beta2}, computed in double
 * @param eps added to the denominator after bias correction, as PyTorch does
 * @param weightDecay weight decay factor (0 for none)
 * @param decoupled true for AdamW's decoupled decay, false for L2 added to the gradient
 * @param stepSize {@code lr / (1 - beta1^t)}
 * @param bias2Sqrt {@code sqrt(1 - beta2^t)}
 */
public record AdamCoefficients(
    float lr, float beta1, float beta2, float oneMinusBeta1, float oneMinusBeta2, float eps,
    float weightDecay, boolean decoupled, float stepSize, float bias2Sqrt) {

  /** Coefficients for step {@code t} (1-based), computed in double as PyTorch does in Python. */
  public static AdamCoefficients forStep(
      float lr, float beta1, float beta2, float eps, float weightDecay, boolean decoupled, long t) {
    if (t < 1) {
      throw new IllegalArgumentException("adam: step must be >= 1, got " + t);
    }
    double bias1 = 1 - Math.pow(beta1, t);
    double bias2 = 1 - Math.pow(beta2, t);
    return new AdamCoefficients(lr, beta1, beta2, (float) (1.0 - beta1), (float) (1.0 - beta2), eps,
        weightDecay, decoupled, (float) (lr / bias1), (float) Math.sqrt(bias2));
  }
}
