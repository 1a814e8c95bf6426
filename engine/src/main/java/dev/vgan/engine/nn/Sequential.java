package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import java.util.List;

/** Layers applied in order; children are named {@code 0, 1, ...} as in PyTorch's {@code nn.Sequential}. */
public final class Sequential extends Module {
  private final List<Module> layers;

  /** The layers, in order. */
  public Sequential(Module... layers) {
    this.layers = List.of(layers);
    for (int i = 0; i < layers.length; i++) {
      child(Integer.toString(i), layers[i]);
    }
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor y = x;
    for (Module m : layers) {
      y = m.forward(y);
    }
    return y;
  }

  /** The layer at {@code index}. */
  public Module get(int index) {
    return layers.get(index);
  }

  /** The number of layers. */
  public int size() {
    return layers.size();
  }
}
