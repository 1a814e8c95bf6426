package dev.vgan.engine.nn;

import dev.vgan.engine.core.Tensor;
import dev.vgan.engine.core.TensorArena;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer or a tree of layers. Parameters, buffers and children are registered explicitly by name
 * (no reflection), so {@link #stateDict()} has PyTorch's keys and order: a module's own parameters,
 * then its buffers, then each child's entries under {@code childName.}.
 */
public abstract class Module {
  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /** Runs the layer. Shapes are documented on each implementation. */
  public abstract Tensor forward(Tensor x);

  /** Registers a learnable tensor (marked as requiring a gradient) and returns it. */
  protected final Tensor parameter(String name, Tensor value) {
    register(name);
    parameters.put(name, value.requiresGrad(true));
    return value;
  }

  /** Registers a state tensor that is saved but not optimized, and returns it. */
  protected final Tensor buffer(String name, Tensor value) {
    register(name);
    buffers.put(name, value);
    return value;
  }

  /** Registers a sub-module and returns it. */
  protected final <M extends Module> M child(String name, M module) {
    register(name);
    children.put(name, module);
    return module;
  }

  private void register(String name) {
    if (TensorArena.isActive()) {
      throw new IllegalStateException("module: '" + name + "' registered inside a TensorArena scope, whose "
          + "storage is recycled; build modules outside the training step");
    }
    if (name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException("module: invalid name '" + name + "'");
    }
    if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("module: '" + name + "' is registered twice");
    }
  }

  /** Every learnable parameter of the tree, depth-first, with dotted paths. */
  public final List<Parameter> parameters() {
    List<Parameter> out = new ArrayList<>();
    collect("", out, true, false);
    return out;
  }

  /** Every buffer of the tree, depth-first, with dotted paths. */
  public final List<Parameter> buffers() {
    List<Parameter> out = new ArrayList<>();
    collect("", out, false, true);
    return out;
  }

  /** Parameters and buffers by state-dict key, in PyTorch's order; the tensors themselves, not copies. */
  public final Map<String, Tensor> stateDict() {
    List<Parameter> all = new ArrayList<>();
    collect("", all, true, true);
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Parameter p : all) {
      out.put(p.path(), p.value());
    }
    return out;
  }

  private void collect(String prefix, List<Parameter> out, boolean params, boolean bufs) {
    if (params) {
      parameters.forEach((k, v) -> out.add(new Parameter(prefix + k, v)));
    }
    if (bufs) {
      buffers.forEach((k, v) -> out.add(new Parameter(prefix + k, v)));
    }
    children.forEach((k, m) -> m.collect(prefix + k + ".", out, params, bufs));
  }

  /**
   * Copies values into this tree's tensors. Strict, as PyTorch's default: every key must be present
   * with the same shape, and no key may be left over; the message lists what is wrong.
   */
  public final void loadStateDict(Map<String, Tensor> values) {
    Map<String, Tensor> own = stateDict();
    List<String> problems = new ArrayList<>();
    for (var e : own.entrySet()) {
      Tensor v = values.get(e.getKey());
      if (v == null) {
        problems.add("missing " + e.getKey());
      } else if (!v.shape().equals(e.getValue().shape())) {
        problems.add(e.getKey() + " has shape " + v.shape() + " but the module expects " + e.getValue().shape());
      }
    }
    for (String k : values.keySet()) {
      if (!own.containsKey(k)) {
        problems.add("unexpected " + k);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("loadStateDict: " + String.join("; ", problems));
    }
    own.forEach((k, t) -> System.arraycopy(values.get(k).data(), 0, t.data(), 0, t.numel()));
  }

  /** This module and every descendant, depth-first, this one first. */
  public final List<Module> modules() {
    List<Module> out = new ArrayList<>();
    out.add(this);
    children.values().forEach(m -> out.addAll(m.modules()));
    return out;
  }

  /** Sets training mode on the whole tree (batch statistics, dropout); returns this. */
  public final Module train(boolean on) {
    for (Module m : modules()) {
      m.training = on;
    }
    return this;
  }

  /** Evaluation mode on the whole tree; returns this. */
  public final Module eval() {
    return train(false);
  }

  /** Whether this module is in training mode. */
  public final boolean isTraining() {
    return training;
  }

  /**
   * Switches gradient tracking of every parameter on or off, as PyTorch's {@code requires_grad_}: a
   * frozen network still passes gradients to its input but computes none for its own weights (a GAN's
   * discriminator during the generator's update). Returns this.
   */
  public final Module requiresGrad(boolean on) {
    for (Parameter p : parameters()) {
      p.value().requiresGrad(on);
    }
    return this;
  }

  /** Zeroes every parameter's gradient (keeping the buffers). */
  public final void zeroGrad() {
    for (Parameter p : parameters()) {
      p.value().zeroGrad();
    }
  }
}
