package io.immudb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLineTest {
  @Test
  void writesFieldsInOrder() {
    String json =
        new JsonLine()
            .put("mode", "store")
            .put("n", 3)
            .put("ok", true)
            .put("rate", 1234.5678, 1)
            .put("nan", Double.NaN, 2)
            .toString();
    assertThat(json)
        .isEqualTo("{\"mode\":\"store\",\"n\":3,\"ok\":true,\"rate\":1234.6,\"nan\":null}");
  }

  @Test
  void escapesStrings() {
    assertThat(new JsonLine().put("s", "a\"b\\c\n").toString())
        .isEqualTo("{\"s\":\"a\\\"b\\\\c\\u000a\"}");
  }
}
