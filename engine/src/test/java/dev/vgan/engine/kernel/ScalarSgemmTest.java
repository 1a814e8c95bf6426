package dev.vgan.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vgan.engine.testing.GemmOracle;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScalarSgemmTest {

  @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4}")
  @CsvSource({
      "false,false,1,1,1", "false,false,7,13,17", "true,false,13,7,31", "false,true,17,3,65",
      "true,true,31,17,7", "false,false,65,33,129", "true,true,3,65,257"})
  void matchesDoublePrecisionDotProducts(boolean transA, boolean transB, int m, int n, int k) {
    GemmOracle.Case c = GemmOracle.randomCase(new Random(m * 31 + n * 7 + k), transA, transB, m, n, k, 0.75f, 0.5f);
    c.run(ScalarBackend.INSTANCE);
    c.assertMatchesOracle("scalar sgemm");
  }

  @Test
  void betaZeroOverwritesNaNInC() {
    float[] a = {1, 2, 3, 4}; // (2, 2)
    float[] b = {1, 0, 0, 1};
    float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
    ScalarBackend.INSTANCE.sgemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
    assertArrayEquals(new float[] {1, 2, 3, 4}, c);
  }

  @Test
  void zeroDepthScalesCByBeta() {
    float[] c = {2, 4};
    ScalarBackend.INSTANCE.sgemm(false, false, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0.5f, c, 0, 2);
    assertArrayEquals(new float[] {1, 2}, c);
    float[] nan = {Float.NaN, Float.NaN};
    ScalarBackend.INSTANCE.sgemm(false, false, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, nan, 0, 2);
    assertArrayEquals(new float[] {0, 0}, nan, "beta = 0 must not read C");
  }
}
