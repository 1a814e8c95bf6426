package dev.vgan.engine.optim;

import dev.vgan.engine.core.Tensor;
import java.util.Map;

/** Updates parameters in place from their accumulated gradients. */
public interface Optimizer {
  /** One update of every parameter that has a gradient (parameters without one are skipped, as in PyTorch). */
  void step();

  /** Zeroes every parameter's gradient. */
  void zeroGrad();

  /** The optimizer's state by name (moment buffers, step count), the tensors themselves, for checkpoints. */
  Map<String, Tensor> state();

  /** Restores a state saved from {@link #state()}; every key must be present with the same shape. */
  void loadState(Map<String, Tensor> saved);
}
