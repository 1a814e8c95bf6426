package dev.vgan.engine.kernel;

/**
 * Per-thread scratch buffers that kernels reuse across calls, so a steady-state training step
 * allocates nothing for packing or temporaries. A buffer is grown (never shrunk) on demand; its
 * contents are unspecified on return.
 */
public final class Workspace {
  /** Names a buffer; one kernel never uses the same slot for two purposes at once. */
  public enum Slot {
    /** Packed panels of the GEMM's right-hand matrix, shared by the threads of one call. */
    GEMM_PACKED_B,
    /**
     * A packed strip of the GEMM's A (MR rows interleaved, zero-padded), one per thread; in the few-rows GEMM,
     * A's rows copied out of a transposed A.
     */
    GEMM_PACKED_A,
    /** All of the GEMM's A, packed strip by strip, when it is used across several panels; one per caller. */
    GEMM_WHOLE_A,
    /** A left-hand matrix packed whole for several products ({@code GemmLeft}); one per preparing thread. */
    GEMM_SHARED_A,
    /** The GEMM register tile on its way to C. */
    GEMM_TILE,
    /** A deep GEMM's register tiles, slab by slab, when threads take whole slabs; one per caller. */
    GEMM_SLAB_TILES,
    /** A gathered right-hand matrix written out whole, where the GEMM cannot pack it as it gathers. */
    GEMM_GATHERED_B,
    /** The transpose of a product with a few columns, computed as one with a few rows. */
    GEMM_FEW_COLUMNS,
    /** A product computed whole before it is handed to a {@link GemmTileSink} row by row. */
    GEMM_PRODUCT,
    /** A row of partial sums in the scalar reference GEMM. */
    SCALAR_ROW,
    /** One row of a per-feature loop over a thread's channels ({@code x − center}, a sum of products). */
    FEATURE_ROW,
    /** The im2col matrices of a chunk of images, side by side, in a lowered convolution. */
    CONV_COLS,
    /** One zero-padded image inside im2col/col2im (one per thread). */
    CONV_PADDED,
    /** A lowered convolution's output or output gradient, channel-major for a chunk of images. */
    CONV_CHANNELS,
    /** A direct convolution's weight, flipped and transposed for its backward pass. */
    CONV_WEIGHT,
    /** A weight gradient in partial sums over chunks of images, added up in order. */
    CONV_WEIGHT_PARTIALS
  }

  private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

  private final float[][] buffers = new float[Slot.values().length][];

  private Workspace() {}

  /** The calling thread's workspace. */
  public static Workspace local() {
    return LOCAL.get();
  }

  /** A buffer of at least {@code size} floats for {@code slot}. */
  public float[] floats(Slot slot, int size) {
    float[] b = buffers[slot.ordinal()];
    if (b == null || b.length < size) {
      b = new float[size];
      buffers[slot.ordinal()] = b;
    }
    return b;
  }
}
