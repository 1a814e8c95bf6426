package dev.vgan.engine.core;

import java.util.List;

/**
 * One recorded operation: its inputs and how to send a gradient back to them.
 *
 * @param name the operation, for error messages
 * @param inputs the tensors it read that require a gradient (others were dropped when recording)
 * @param backward the fused, allocation-light backward used by {@link Tensor#backward()}
 * @param graphBackward the same backward written with recording operations, for second-order
 *     gradients ({@code createGraph}); null where an op does not support it
 */
public record Node(String name, List<Tensor> inputs, Backward backward, GraphBackward graphBackward) {

  /** Adds {@code dy}'s contribution into the gradients of the inputs. */
  @FunctionalInterface
  public interface Backward {
    /**
     * {@code gy} is d(loss)/d(output), not modified; accumulate into {@code grads.of(input)} (or write
     * through {@code grads.target(input)}).
     */
    void run(Tensor gy, Gradients grads);
  }

  /** Computes the inputs' gradient contributions as tensors, recording them when a graph is built. */
  @FunctionalInterface
  public interface GraphBackward {
    /** {@code gy} is d(loss)/d(output); call {@code grads.add(input, g)} for each wanted input. */
    void run(Tensor gy, GraphGradients grads);
  }

  /** Where a fused backward accumulates. */
  public interface Gradients {
    /** Whether the gradient of {@code input} is needed in this pass. */
    boolean wants(Tensor input);

    /** The buffer (same shape as {@code input}, zero at first) to add the gradient into. */
    Tensor of(Tensor input);

    /**
     * Where a backward that writes every element of {@code input}'s gradient puts it: the buffer of
     * {@link #of}, to add into, or — when nothing has been added yet — a buffer of unspecified contents to
     * overwrite, so that the first contribution is not preceded by a pass that zeroes the whole tensor.
     */
    default Target target(Tensor input) {
      return new Target(of(input).data(), true);
    }
  }

  /**
   * A gradient buffer as {@link Gradients#target} hands it out.
   *
   * @param data the buffer, input-sized
   * @param add whether it holds a gradient to add to; if not, its contents are unspecified and the
   *     caller must overwrite every element
   */
  public record Target(float[] data, boolean add) {}

  /** Where a recording backward sends its contributions. */
  public interface GraphGradients {
    /** Whether the gradient of {@code input} is needed in this pass. */
    boolean wants(Tensor input);

    /** Adds the contribution {@code g} (same shape as {@code input}). */
    void add(Tensor input, Tensor g);
  }
}
