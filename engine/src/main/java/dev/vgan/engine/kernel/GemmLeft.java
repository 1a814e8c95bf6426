package dev.vgan.engine.kernel;

/**
 * The left-hand matrix {@code op(A)[m×k]} of several products that share it — a layer's weight against each
 * chunk of images — as {@link KernelBackend#prepareLeft} prepared it: {@code packed} is the backend's own copy
 * in the layout its kernel reads, or null where the backend reads A where it is. A packed copy from
 * {@link KernelBackend#prepareLeft} lives in the preparing thread's workspace, so it is valid until that thread
 * prepares another; one from {@link KernelBackend#keepLeft} has storage of its own. The products may run on any
 * thread meanwhile.
 *
 * @param transA whether A is stored transposed ({@code k×m}, row stride lda), as in {@link KernelBackend#sgemm}
 * @param packed the backend's copy, or null
 */
public record GemmLeft(boolean transA, int m, int k, float[] a, int aOff, int lda, float[] packed) {
  /** A left operand read where it is stored, not prepared. */
  public static GemmLeft unprepared(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return new GemmLeft(transA, m, k, a, aOff, lda, null);
  }
}
