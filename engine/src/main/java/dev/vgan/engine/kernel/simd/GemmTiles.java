package dev.vgan.engine.kernel.simd;

import static dev.vgan.engine.kernel.simd.SimdMicroKernel.MR;
import static dev.vgan.engine.kernel.simd.SimdMicroKernel.NR;

import dev.vgan.engine.kernel.GemmTileSink;

/** Where the blocked GEMM's register tiles go: merged into a matrix C, or handed to a {@link GemmTileSink}. */
sealed interface GemmTiles {
  /**
   * Takes the tile {@code tile[off + r · NR + j]} ({@code r < rows, j < cols}) of rows {@code i..} and
   * columns {@code j..}, summed over one slab of k; {@code firstSlab} when it is the first (or only) slab.
   */
  void put(float[] tile, int off, int rows, int cols, int i, int j, boolean firstSlab);

  /** Rows that must stay on one thread: row chunks are whole multiples of this. */
  default int rowGroup() {
    return 1;
  }

  /** Whether threads may take whole panels (columns) of C: false when tiles of different columns meet. */
  default boolean columnsApart() {
    return true;
  }

  /** {@code C = alpha · tile + beta · C} at C's rows and columns; later slabs add onto the first one's. */
  record IntoC(float alpha, float beta, float[] c, int cOff, int ldc) implements GemmTiles {
    @Override
    public void put(float[] tile, int off, int rows, int cols, int i, int j, boolean firstSlab) {
      SimdTileMerge.merge(tile, off, NR, rows, cols, alpha, firstSlab ? beta : 1f, c, cOff + i * ldc + j, ldc);
    }
  }

  /**
   * Each whole register tile of one slab kept apart, at {@link #at}, so that slabs computed in parallel can
   * be merged into C in order afterwards.
   */
  record BySlab(float[] tiles, int slab, int rowStrips, int colStrips) implements GemmTiles {
    /** Where the tile of strips (rs, cs) of {@code slab} starts in {@code tiles}. */
    static int at(int slab, int rs, int cs, int rowStrips, int colStrips) {
      return ((slab * rowStrips + rs) * colStrips + cs) * MR * NR;
    }

    @Override
    public void put(float[] tile, int off, int rows, int cols, int i, int j, boolean firstSlab) {
      System.arraycopy(tile, off, tiles, at(slab, i / MR, j / NR, rowStrips, colStrips), MR * NR);
    }
  }

  /** Each tile to a sink, which needs the whole sum: only for a k of one slab. */
  record ToSink(GemmTileSink sink, int rowGroup) implements GemmTiles {
    @Override
    public void put(float[] tile, int off, int rows, int cols, int i, int j, boolean firstSlab) {
      sink.take(tile, off, NR, i, rows, j, cols);
    }

    @Override
    public boolean columnsApart() {
      return false;
    }
  }
}
