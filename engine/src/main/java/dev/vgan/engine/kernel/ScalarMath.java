package dev.vgan.engine.kernel;

/**
 * exp, tanh and sigmoid in float from IEEE additions, multiplications and divisions only, written so
 * that {@code simd/SimdMath} performs the very same operations lane by lane: the two backends agree
 * bit for bit, and so does a kernel before and after the JIT compiles it. (The Vector API's own
 * {@code EXP}/{@code TANH} call a vector math library once compiled and {@code Math} while interpreted;
 * the two differ in the last bits, which made a training run depend on when the JIT kicked in.)
 *
 * <p>exp is Cephes' {@code expf}: {@code n = round(x·log₂e)} (by the 1.5·2²³ trick), {@code r = x − n·ln2}
 * in two parts, a degree-6 polynomial, times {@code 2ⁿ} built from its bits; about 1 ulp, and inputs are
 * clamped to [−87.3, 88] (so it never returns 0 or infinity). tanh is Cephes' {@code tanhf}: an odd
 * polynomial below |x| = 0.625, {@code 1 − 2/(e^{2|x|} + 1)} above; about 2 ulp.
 */
public final class ScalarMath {
  /** Clamp bounds of {@link #exp}: 2ⁿ stays a normal float. */
  public static final float EXP_LO = -87.33654f;
  /** Upper clamp of {@link #exp}. */
  public static final float EXP_HI = 88.0f;
  /** 1.5 · 2²³: adding it rounds a float of magnitude below 2²² to an integer. */
  public static final float ROUND_MAGIC = 12582912f;
  /** log₂ e. */
  public static final float LOG2E = 1.44269504088896341f;
  /** ln 2, high part (exact in few bits, so n · LN2_HI is exact). */
  public static final float LN2_HI = 0.693359375f;
  /** ln 2, low part. */
  public static final float LN2_LO = -2.12194440e-4f;
  /** expf's polynomial, highest degree first. */
  public static final float[] EXP_POLY = {1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f,
      4.1665795894E-2f, 1.6666665459E-1f, 5.0000001201E-1f};
  /** Below this |x|, tanh uses its odd polynomial. */
  public static final float TANH_SMALL = 0.625f;
  /** tanhf's polynomial in x², highest degree first. */
  public static final float[] TANH_POLY = {-5.70498872745E-3f, 2.06390887954E-2f, -5.37397155531E-2f,
      1.33314422036E-1f, -3.33332819422E-1f};

  private ScalarMath() {}

  /** e^x, see the class comment. */
  public static float exp(float x) {
    float c = Math.min(Math.max(x, EXP_LO), EXP_HI);
    float n = (c * LOG2E + ROUND_MAGIC) - ROUND_MAGIC;
    float r = c - n * LN2_HI;
    r = r - n * LN2_LO;
    float p = EXP_POLY[0];
    for (int i = 1; i < EXP_POLY.length; i++) {
      p = p * r + EXP_POLY[i];
    }
    float y = p * (r * r) + r + 1f;
    return y * Float.intBitsToFloat(((int) n + 127) << 23);
  }

  /** tanh x, see the class comment. */
  public static float tanh(float x) {
    float a = Math.abs(x);
    if (a < TANH_SMALL) {
      float z = x * x;
      float p = TANH_POLY[0];
      for (int i = 1; i < TANH_POLY.length; i++) {
        p = p * z + TANH_POLY[i];
      }
      return p * z * x + x;
    }
    float y = 1f - 2f / (exp(a + a) + 1f);
    return x < 0f ? -y : y;
  }

  /** 1 / (1 + e^−x). */
  public static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }
}
