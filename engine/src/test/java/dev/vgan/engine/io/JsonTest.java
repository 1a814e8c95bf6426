package dev.vgan.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writtenValuesReadBackEqual() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "cgan \"quoted\"\n");
    m.put("lr", 2.0e-4);
    m.put("beta", 0.5f);
    m.put("z", 100);
    m.put("codes", new int[] {10, 3});
    m.put("on", true);
    m.put("none", null);
    m.put("nested", List.of(Map.of("a", -1.5e-30)));
    Map<String, Object> back = Json.parseObject(Json.write(m));
    assertEquals("cgan \"quoted\"\n", back.get("kind"));
    assertEquals(2.0e-4, back.get("lr"));
    assertEquals(0.5, back.get("beta"));
    assertEquals(100L, back.get("z"));
    assertEquals(List.of(10L, 3L), back.get("codes"));
    assertEquals(true, back.get("on"));
    assertTrue(back.containsKey("none"));
    assertEquals(List.of(Map.of("a", -1.5e-30)), back.get("nested"));
  }

  @Test
  void badTextIsRefusedWithItsOffset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1.2.3}"));
    assertTrue(e.getMessage().contains("character"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
    assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
  }
}
