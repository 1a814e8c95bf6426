package dev.vgan.engine.kernel;

/** The reference fused Adam update; the formula is in {@link AdamCoefficients}. */
public final class ScalarAdam {
  private ScalarAdam() {}

  /** See {@link KernelBackend#adamUpdate}. */
  public static void adamUpdate(AdamCoefficients k, float[] grad, float[] param, float[] m, float[] v, int off, int n) {
    float decay = 1f - k.lr() * k.weightDecay();
    for (int i = off; i < off + n; i++) {
      float g = grad[i];
      float p = param[i];
      if (k.weightDecay() != 0f) {
        if (k.decoupled()) {
          p = p * decay;
        } else {
          g = g + k.weightDecay() * p;
        }
      }
      float mi = m[i] * k.beta1() + k.oneMinusBeta1() * g;
      float vi = v[i] * k.beta2() + k.oneMinusBeta2() * g * g;
      float denom = (float) Math.sqrt(vi) / k.bias2Sqrt() + k.eps();
      m[i] = mi;
      v[i] = vi;
      param[i] = p - k.stepSize() * (mi / denom);
    }
  }
}
