package dev.vgan.engine.core;

/**
 * The engine's only source of randomness: a seeded xoshiro256** generator whose whole state is four
 * longs, so a checkpoint can save it and a resumed run continues the same stream. Not thread-safe;
 * one per training loop.
 */
public final class Rng {
  private long s0, s1, s2, s3;

  private Rng(long seed) {
    long x = seed;
    s0 = splitMix(x += 0x9E3779B97F4A7C15L);
    s1 = splitMix(x += 0x9E3779B97F4A7C15L);
    s2 = splitMix(x += 0x9E3779B97F4A7C15L);
    s3 = splitMix(x + 0x9E3779B97F4A7C15L);
  }

  /** A generator whose stream is fixed by {@code seed}. */
  public static Rng seeded(long seed) {
    return new Rng(seed);
  }

  /** A generator continuing from a state returned by {@link #state()}. */
  public static Rng fromState(long[] state) {
    Rng r = new Rng(0);
    r.setState(state);
    return r;
  }

  /** Continues from a state returned by {@link #state()} (a resumed run's generator, in place). */
  public void setState(long[] state) {
    if (state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("rng: a state is four longs, not all zero");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
  }

  /** The four longs that determine every later draw. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, 1) with 24 random bits. */
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("rng: bound must be positive, got " + bound);
    }
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** A standard normal draw (Box–Muller; one draw per call, so the state stays four longs). */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble();                    // (0, 1]: log is finite
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Fills {@code x} with normal(mean, std) draws. */
  public void fillNormal(float[] x, float mean, float std) {
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (mean + std * nextGaussian());
    }
  }

  /** Fills {@code x} with uniform draws in [lo, hi). */
  public void fillUniform(float[] x, float lo, float hi) {
    for (int i = 0; i < x.length; i++) {
      x[i] = lo + (hi - lo) * nextFloat();
    }
  }
}
