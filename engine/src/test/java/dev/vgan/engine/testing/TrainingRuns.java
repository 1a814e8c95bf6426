package dev.vgan.engine.testing;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.loss.Losses;
import dev.vgan.engine.nn.Module;
import dev.vgan.engine.nn.Parameter;
import dev.vgan.engine.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/** Small training runs for tests that compare the weights two ways of training reach. */
public final class TrainingRuns {
  private TrainingRuns() {}

  /** One update of {@code net} on {@code x} towards the logit target {@code target} (binary cross-entropy). */
  public static void step(Module net, Optimizer opt, Tensor x, float target) {
    opt.zeroGrad();
    Losses.bceWithLogits(net.forward(x), target).backward();
    opt.step();
  }

  /** Copies of {@code net}'s parameters, then of its buffers (batch norm's running statistics), in order. */
  public static List<float[]> state(Module net) {
    List<float[]> out = new ArrayList<>();
    for (Parameter p : net.parameters()) {
      out.add(p.value().data().clone());
    }
    net.buffers().forEach(b -> out.add(b.value().data().clone()));
    return out;
  }
}
