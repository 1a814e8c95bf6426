package dev.vgan.engine.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The size of one core's L2 cache, which the blocked GEMM sizes its packed panels for: from
 * {@code engine.l2KiB} when set, else from Linux's {@code /sys/devices/system/cpu/cpu0/cache}, else
 * {@link #FALLBACK_L2_BYTES} (the size the blocking was first tuned on).
 */
public final class CacheSizes {
  /** What the GEMM assumes where the L2 cannot be read (macOS, Windows, containers without sysfs). */
  static final long FALLBACK_L2_BYTES = 1L << 20;

  /** One core's L2 in bytes, as described above. */
  public static final long L2_BYTES = EngineProperties.L2_KIB > 0 ? EngineProperties.L2_KIB * 1024L
      : l2Bytes(Path.of("/sys/devices/system/cpu/cpu0/cache")).orElse(FALLBACK_L2_BYTES);

  private CacheSizes() {}

  /**
   * The L2 size listed under a sysfs cache directory ({@code index*}/{@code level}, {@code type},
   * {@code size}): the level-2 data or unified cache; empty when there is none or it cannot be read.
   */
  static OptionalLong l2Bytes(Path cacheDir) {
    try (Stream<Path> entries = Files.list(cacheDir)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("index"))
          .filter(p -> "2".equals(read(p.resolve("level"))))
          .filter(p -> !"Instruction".equals(read(p.resolve("type"))))
          .mapToLong(p -> parseSize(read(p.resolve("size"))))
          .filter(bytes -> bytes > 0)
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** "512K", "2048K", "1M" or a plain byte count in bytes; -1 when it is none of these. */
  static long parseSize(String text) {
    if (text == null || text.isEmpty()) {
      return -1;
    }
    String s = text.toUpperCase(Locale.ROOT);
    long unit = switch (s.charAt(s.length() - 1)) {
      case 'K' -> 1L << 10;
      case 'M' -> 1L << 20;
      case 'G' -> 1L << 30;
      default -> 1;
    };
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
    try {
      return Long.parseLong(digits) * unit;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      return null;
    }
  }
}
