package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.ops.Ops;
import java.util.List;

/**
 * Layers applied in order; children are named {@code 0, 1, ...} as in PyTorch's {@code nn.Sequential}.
 * An {@code Upsample(2)} followed by a Conv2d that {@linkplain Conv2d#fusesUpsample fuses} runs as one
 * sub-pixel convolution ({@link Ops#upsampleConv2d}): the same function with about a third of the
 * arithmetic for a 5×5 kernel; the layers, their parameters and names are unchanged.
 */
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
    for (int i = 0; i < layers.size(); i++) {
      Module m = layers.get(i);
      if (m instanceof Upsample up && i + 1 < layers.size() && layers.get(i + 1) instanceof Conv2d conv
          && conv.fusesUpsample(up.factor())) {
        y = conv.forwardUpsampled(y);
        i++;
      } else {
        y = m.forward(y);
      }
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
