package dev.vgan.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {
  @Test
  void printsLikeATupleAndCountsElements() {
    assertEquals("(2, 3, 7, 5)", Shape.of(2, 3, 7, 5).toString());
    assertEquals("(3,)", Shape.of(3).toString());
    assertEquals("()", Shape.of().toString());
    assertEquals(210, Shape.of(2, 3, 7, 5).numel());
    assertEquals(1, Shape.of().numel());
    assertEquals(0, Shape.of(0, 3).numel());
  }

  @Test
  void negativeIndicesCountFromTheEnd() {
    assertEquals(5, Shape.of(2, 3, 7, 5).dim(-1));
    assertEquals(2, Shape.of(2, 3, 7, 5).dim(0));
    assertThrows(IndexOutOfBoundsException.class, () -> Shape.of(2).dim(1));
  }

  @Test
  void rejectsNegativeAndOversizedDimensions() {
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    assertThrows(IllegalArgumentException.class, () -> Shape.of(65536, 65536));
  }

  @Test
  void isAValueAndCannotBeChangedThroughItsArrays() {
    int[] dims = {4, 5};
    Shape s = Shape.of(dims);
    dims[0] = 9;
    s.dims()[1] = 9;
    assertEquals(Shape.of(4, 5), s);
    assertEquals(Shape.of(4, 5).hashCode(), s.hashCode());
  }
}
