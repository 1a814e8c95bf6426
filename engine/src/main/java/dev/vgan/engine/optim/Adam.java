package dev.vgan.engine.optim;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.AdamCoefficients;
import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.kernel.Parallel;
import dev.vgan.engine.nn.Parameter;
import java.util.List;

/**
 * {@code torch.optim.Adam} (and AdamW with {@code decoupled}), one fused kernel call per parameter.
 * State names follow PyTorch: {@code <param>.exp_avg}, {@code <param>.exp_avg_sq}, {@code <param>.step}
 * (counted per parameter, as PyTorch does, so a parameter that had no gradient keeps its own bias
 * correction).
 */
public final class Adam extends ParameterSlots {
  private AdamConfig config;
  private final KernelBackend kernels = Backends.get();

  /** Optimizes {@code params} (typically {@code module.parameters()}). */
  public Adam(List<Parameter> params, AdamConfig config) {
    super(params);
    this.config = config;
    for (Parameter p : params) {
      slot(p, "exp_avg");
      slot(p, "exp_avg_sq");
      counter(p.path() + ".step");
    }
  }

  /** Parameters' values a thread updates at least (16K): smaller tensors take one thread. */
  private static final int UPDATE_GRAIN = 1 << 14;

  @Override
  public void step() {
    for (Parameter p : params()) {
      Tensor g = p.value().grad();
      if (g == null) {
        continue;
      }
      Tensor step = counter(p.path() + ".step");
      long t = (long) step.data()[0] + 1;
      step.data()[0] = t;
      AdamCoefficients k = AdamCoefficients.forStep(config.lr(), config.beta1(), config.beta2(), config.eps(),
          config.weightDecay(), config.decoupled(), t);
      float[] grad = g.data(), value = p.value().data(), m = slot(p, "exp_avg").data(), v = slot(p, "exp_avg_sq").data();
      // Elementwise, so split over the threads; ranges start at multiples of the grain (a multiple of any
      // vector length), so the same elements fall in vector lanes and in the tail whatever the split.
      Parallel.forRange(p.value().numel(), UPDATE_GRAIN, Parallel.threads(),
          (s, e) -> kernels.adamUpdate(k, grad, value, m, v, s, e - s));
    }
  }

  /** The settings. */
  public AdamConfig config() {
    return config;
  }

  /** Changes the learning rate from the next step on (a schedule), keeping the moments and step counts. */
  public void setLearningRate(float lr) {
    config = new AdamConfig(lr, config.beta1(), config.beta2(), config.eps(), config.weightDecay(), config.decoupled());
  }
}
