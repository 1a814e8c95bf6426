package dev.vgan.engine.optim;

import dev.vgan.engine.nn.Parameter;
import java.util.List;

/**
 * {@code torch.optim.SGD}: {@code d = g + wd·p}; with momentum {@code buf = μ·buf + (1 − dampening)·d}
 * (the first step {@code buf = d}), {@code d = nesterov ? d + μ·buf : buf}; then {@code p −= lr·d}.
 */
public final class Sgd extends ParameterSlots {
  private final float lr;
  private final float momentum;
  private final float dampening;
  private final float weightDecay;
  private final boolean nesterov;

  /** Plain SGD with momentum {@code μ} (0 for none). */
  public Sgd(List<Parameter> params, float lr, float momentum) {
    this(params, lr, momentum, 0f, 0f, false);
  }

  /** All of PyTorch's options. */
  public Sgd(List<Parameter> params, float lr, float momentum, float dampening, float weightDecay, boolean nesterov) {
    super(params);
    if (!(lr > 0) || momentum < 0 || weightDecay < 0 || (nesterov && (momentum == 0 || dampening != 0))) {
      throw new IllegalArgumentException("Sgd: invalid lr " + lr + ", momentum " + momentum + ", dampening "
          + dampening + ", weight decay " + weightDecay + ", nesterov " + nesterov);
    }
    this.lr = lr;
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  @Override
  public void step() {
    for (Parameter p : params()) {
      if (p.value().grad() == null) {
        continue;
      }
      boolean first = !has(p, "momentum_buffer");
      float[] w = p.value().data(), g = p.value().grad().data();
      float[] buf = momentum != 0 ? slot(p, "momentum_buffer").data() : null;
      for (int i = 0; i < w.length; i++) {
        float d = g[i] + weightDecay * w[i];
        if (buf != null) {
          buf[i] = first ? d : momentum * buf[i] + (1f - dampening) * d;
          d = nesterov ? d + momentum * buf[i] : buf[i];
        }
        w[i] -= lr * d;
      }
    }
  }
}
