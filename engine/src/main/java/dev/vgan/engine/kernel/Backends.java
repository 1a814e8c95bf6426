package dev.vgan.engine.kernel;

import java.lang.System.Logger.Level;

/**
 * Chooses the kernel backend once per JVM and remembers why.
 *
 * <p>SIMD is used when the {@code jdk.incubator.vector} module is in the boot layer; otherwise the
 * scalar backend is used and one log line says how to enable SIMD — a library user who runs
 * {@code java -jar} without the flag still gets correct results. {@code -Dengine.backend=scalar|simd}
 * overrides the choice ({@code simd} fails fast when the module is missing).
 */
public final class Backends {
  private static final System.Logger LOG = System.getLogger(Backends.class.getName());
  private static final String SIMD_CLASS = "dev.vgan.engine.kernel.simd.SimdBackend";
  private static final String[] CHOICE = new String[1];
  private static final KernelBackend DEFAULT = resolve(CHOICE);

  private Backends() {}

  /** The backend this JVM uses. */
  public static KernelBackend get() {
    return DEFAULT;
  }

  /** The scalar reference backend. */
  public static KernelBackend scalar() {
    return ScalarBackend.INSTANCE;
  }

  /** Why {@link #get()} is what it is, in one sentence. */
  public static String reason() {
    return CHOICE[0];
  }

  /** Whether the Vector API module was given to this JVM. */
  public static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  private static KernelBackend resolve(String[] why) {
    String wanted = EngineProperties.BACKEND;
    switch (wanted) {
      case "scalar" -> {
        why[0] = "engine.backend=scalar was requested";
        return ScalarBackend.INSTANCE;
      }
      case "auto", "simd" -> {
        if (!vectorModulePresent()) {
          String hint = "the JVM was started without --add-modules jdk.incubator.vector";
          if (wanted.equals("simd")) {
            throw new IllegalStateException("engine.backend=simd, but " + hint);
          }
          why[0] = hint + "; using the scalar backend (correct, slower). Add the flag, or set"
              + " JDK_JAVA_OPTIONS=--add-modules=jdk.incubator.vector, to enable SIMD";
          LOG.log(Level.INFO, "vgan: " + why[0]);
          return ScalarBackend.INSTANCE;
        }
        KernelBackend simd = loadSimd();
        why[0] = "jdk.incubator.vector is present; using " + simd.name();
        LOG.log(Level.DEBUG, "vgan: " + why[0]);
        return simd;
      }
      default -> throw new IllegalArgumentException(
          "engine.backend must be auto, simd or scalar, got '" + wanted + "'");
    }
  }

  // Loaded reflectively so that this class links on a JVM without the incubator module.
  private static KernelBackend loadSimd() {
    try {
      return (KernelBackend) Class.forName(SIMD_CLASS).getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the SIMD backend " + SIMD_CLASS, e);
    }
  }
}
