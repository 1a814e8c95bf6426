package dev.vgan.engine.kernel;

/**
 * The engine's tuning knobs, read once from system properties (and the {@code VGAN_THREADS}
 * environment variable) into constants, so the JIT can fold them.
 *
 * <ul>
 *   <li>{@code engine.backend}: {@code auto} (default), {@code simd} or {@code scalar}.
 *   <li>{@code engine.vectorBits}: force a narrower SIMD width (128, 256, 512); 0 means the JVM's
 *       preferred width.
 *   <li>{@code engine.threads}, else {@code VGAN_THREADS}, else all available processors.
 *   <li>{@code engine.fuseUpsampleConv}: {@code true} (default) computes an {@code Upsample(2)} followed
 *       by a "same" Conv2d in a {@code Sequential} as one sub-pixel convolution; {@code false} runs the
 *       two layers as written (for A/B comparisons).
 *   <li>{@code engine.spinMicros}: how long an idle pool worker, or a caller waiting for one, spins before
 *       it parks (OpenMP's {@code KMP_BLOCKTIME}); default 2000.
 *   <li>{@code engine.microKernelRows}: rows of the SGEMM register tile, 5 or 12; 0 (default) picks by the
 *       CPU's vector registers (12 with 32 of them, 5 with 16).
 *   <li>{@code engine.l2KiB}: one core's L2 cache in KiB, which the GEMM sizes its packed panels for; 0
 *       (default) reads it from Linux's sysfs ({@link CacheSizes}).
 * </ul>
 */
public final class EngineProperties {
  /** Requested backend: {@code auto}, {@code simd} or {@code scalar}. */
  public static final String BACKEND = System.getProperty("engine.backend", "auto").trim();

  /** Requested vector width in bits, or 0 for the JVM's preferred width. */
  public static final int VECTOR_BITS = intProperty("engine.vectorBits", null, 0);

  /** Default thread count of the shared pool. */
  public static final int THREADS =
      Math.max(1, intProperty("engine.threads", "VGAN_THREADS", Runtime.getRuntime().availableProcessors()));

  /** Whether {@code Sequential} fuses {@code Upsample(2)} + "same" Conv2d into a sub-pixel convolution. */
  public static final boolean FUSE_UPSAMPLE_CONV =
      Boolean.parseBoolean(System.getProperty("engine.fuseUpsampleConv", "true").trim());

  /** Microseconds an idle worker or a waiting caller spins before parking; 0 parks at once. */
  public static final int SPIN_MICROS = Math.max(0, intProperty("engine.spinMicros", null, 2000));

  /** Rows of the SGEMM register tile (5 or 12), or 0 to choose by the vector register file. */
  public static final int MICRO_KERNEL_ROWS = rowsProperty();

  /** One core's L2 in KiB as set by {@code engine.l2KiB}, or 0 to read it from the system. */
  public static final int L2_KIB = Math.max(0, intProperty("engine.l2KiB", null, 0));

  private EngineProperties() {}

  private static int rowsProperty() {
    int rows = intProperty("engine.microKernelRows", null, 0);
    if (rows != 0 && rows != 5 && rows != 12) {
      throw new IllegalArgumentException("engine.microKernelRows must be 0 (auto), 5 or 12, got " + rows);
    }
    return rows;
  }

  private static int intProperty(String property, String env, int fallback) {
    String value = System.getProperty(property);
    String source = property;
    if ((value == null || value.isBlank()) && env != null) {
      value = System.getenv(env);
      source = env;
    }
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + " must be an integer, got '" + value + "'", e);
    }
  }
}
