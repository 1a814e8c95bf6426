package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSizesTest {

  /** A sysfs cache directory as Linux lays it out: one {@code index*} folder per cache. */
  private static void cache(Path dir, int index, int level, String type, String size) throws IOException {
    Path entry = Files.createDirectories(dir.resolve("index" + index));
    Files.writeString(entry.resolve("level"), level + "\n");
    Files.writeString(entry.resolve("type"), type + "\n");
    Files.writeString(entry.resolve("size"), size + "\n");
  }

  @Test
  void readsTheLevelTwoCacheAmongTheOthers(@TempDir Path dir) throws IOException {
    cache(dir, 0, 1, "Data", "32K");
    cache(dir, 1, 1, "Instruction", "32K");
    cache(dir, 2, 2, "Unified", "512K");
    cache(dir, 3, 3, "Unified", "32768K");
    assertEquals(OptionalLong.of(512L * 1024), CacheSizes.l2Bytes(dir));
  }

  @Test
  void skipsALevelTwoInstructionCache(@TempDir Path dir) throws IOException {
    cache(dir, 0, 2, "Instruction", "64K");
    cache(dir, 1, 2, "Data", "2M");
    assertEquals(OptionalLong.of(2L << 20), CacheSizes.l2Bytes(dir));
  }

  @Test
  void isEmptyWhereThereIsNothingToRead(@TempDir Path dir) throws IOException {
    assertEquals(OptionalLong.empty(), CacheSizes.l2Bytes(dir.resolve("absent")));
    cache(dir, 0, 1, "Data", "48K");
    cache(dir, 2, 2, "Unified", "lots");
    assertEquals(OptionalLong.empty(), CacheSizes.l2Bytes(dir));
  }

  /**
   * The surefire runs at 256 and 128 bits set {@code engine.l2KiB} (to small and large panels) and name it in
   * {@code expected.l2KiB}; the default run names none and reads the machine's L2.
   */
  @Test
  void usesTheL2ThisRunAskedFor() {
    Integer expected = Integer.getInteger("expected.l2KiB");
    assumeTrue(expected != null, "this run names no L2 size");
    assertEquals(expected * 1024L, CacheSizes.L2_BYTES);
  }

  @Test
  void parsesTheUnitsSysfsWrites() {
    assertEquals(1280L * 1024, CacheSizes.parseSize("1280K"));
    assertEquals(1L << 20, CacheSizes.parseSize("1M"));
    assertEquals(4096, CacheSizes.parseSize("4096"));
    assertEquals(-1, CacheSizes.parseSize(""));
    assertEquals(-1, CacheSizes.parseSize("K"));
  }

}
