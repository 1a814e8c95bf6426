package dev.vgan.engine.optim;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.kernel.AdamCoefficients;
import dev.vgan.engine.kernel.Backends;
import dev.vgan.engine.kernel.KernelBackend;
import dev.vgan.engine.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adam} (and AdamW with {@code decoupled}), one fused kernel call per parameter.
 * State names follow PyTorch: {@code <param>.exp_avg}, {@code <param>.exp_avg_sq}, {@code <param>.step}
 * (counted per parameter, as PyTorch does, so a parameter that had no gradient keeps its own bias
 * correction).
 */
public final class Adam implements Optimizer {
  private final ParameterSlots slots;
  private final AdamConfig config;
  private final KernelBackend kernels = Backends.get();

  /** Optimizes {@code params} (typically {@code module.parameters()}). */
  public Adam(List<Parameter> params, AdamConfig config) {
    this.slots = new ParameterSlots(params);
    this.config = config;
    for (Parameter p : params) {
      slots.slot(p, "exp_avg");
      slots.slot(p, "exp_avg_sq");
      slots.counter(p.path() + ".step");
    }
  }

  @Override
  public void step() {
    for (Parameter p : slots.params()) {
      Tensor g = p.value().grad();
      if (g == null) {
        continue;
      }
      Tensor step = slots.counter(p.path() + ".step");
      long t = (long) step.data()[0] + 1;
      step.data()[0] = t;
      AdamCoefficients k = AdamCoefficients.forStep(config.lr(), config.beta1(), config.beta2(), config.eps(),
          config.weightDecay(), config.decoupled(), t);
      kernels.adamUpdate(k, g.data(), p.value().data(), slots.slot(p, "exp_avg").data(),
          slots.slot(p, "exp_avg_sq").data(), 0, p.value().numel());
    }
  }

  @Override
  public void zeroGrad() {
    slots.zeroGrad();
  }

  @Override
  public Map<String, Tensor> state() {
    return slots.state();
  }

  @Override
  public void loadState(Map<String, Tensor> saved) {
    slots.load(saved);
  }

  /** The settings. */
  public AdamConfig config() {
    return config;
  }
}
