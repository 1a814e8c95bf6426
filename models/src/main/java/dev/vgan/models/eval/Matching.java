package dev.vgan.models.eval;

import java.util.Arrays;

/**
 * The best one-to-one matching of rows (code values) to columns (classes) in a count table: the largest
 * total of matched counts, by dynamic programming over sets of used columns (exact; columns ≤ 20).
 */
final class Matching {
  private Matching() {}

  /** The largest sum of {@code counts[r][match(r)]} over injective matchings (rows beyond the columns unmatched). */
  static int best(int[][] counts) {
    int rows = counts.length, cols = counts[0].length;
    if (cols > 20) {
      throw new IllegalArgumentException("matching: at most 20 classes, got " + cols);
    }
    int[] dp = new int[1 << cols];
    Arrays.fill(dp, -1);
    dp[0] = 0;
    int best = 0;
    for (int r = 0; r < rows; r++) {
      int[] next = dp.clone();                          // row r may stay unmatched
      for (int used = 0; used < dp.length; used++) {
        if (dp[used] < 0) {
          continue;
        }
        for (int c = 0; c < cols; c++) {
          if ((used & (1 << c)) == 0) {
            next[used | (1 << c)] = Math.max(next[used | (1 << c)], dp[used] + counts[r][c]);
          }
        }
      }
      dp = next;
    }
    for (int v : dp) {
      best = Math.max(best, v);
    }
    return best;
  }
}
