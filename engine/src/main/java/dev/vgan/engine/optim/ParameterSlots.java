package dev.vgan.engine.optim;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the optimizers share: the parameters, and their per-parameter state buffers (named, shaped like
 * the parameter, never taken from a tensor arena), saved and restored by name.
 */
abstract class ParameterSlots implements Optimizer {
  private final List<Parameter> params;
  private final Map<String, Tensor> state = new LinkedHashMap<>();

  ParameterSlots(List<Parameter> params) {
    if (params.isEmpty()) {
      throw new IllegalArgumentException("optimizer: no parameters");
    }
    this.params = List.copyOf(params);
  }

  List<Parameter> params() {
    return params;
  }

  /** The zero-initialized buffer {@code path.name} for parameter {@code p}. */
  Tensor slot(Parameter p, String name) {
    return state.computeIfAbsent(p.path() + "." + name, k -> Tensor.persistent(p.value().shape()));
  }

  /** Whether buffer {@code path.name} exists yet. */
  boolean has(Parameter p, String name) {
    return state.containsKey(p.path() + "." + name);
  }

  /** A scalar counter stored with the state. */
  Tensor counter(String name) {
    return state.computeIfAbsent(name, k -> Tensor.persistent(dev.vgan.engine.core.Shape.of()));
  }

  @Override
  public final Map<String, Tensor> state() {
    return state;
  }

  @Override
  public final void loadState(Map<String, Tensor> saved) {
    for (var e : saved.entrySet()) {
      Tensor own = state.computeIfAbsent(e.getKey(), k -> Tensor.persistent(e.getValue().shape()));
      if (!own.shape().equals(e.getValue().shape())) {
        throw new IllegalArgumentException("optimizer state: " + e.getKey() + " has shape " + e.getValue().shape()
            + " but the optimizer expects " + own.shape());
      }
      System.arraycopy(e.getValue().data(), 0, own.data(), 0, own.numel());
    }
  }

  @Override
  public final void zeroGrad() {
    for (Parameter p : params) {
      p.value().zeroGrad();
    }
  }
}
