package io.immudb.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {
  @Test
  void escapesTheFiveSpecialCharacters() {
    assertThat(Markup.escape("<a href=\"x\">Tom & Jerry's</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    assertThat(Markup.escape("plain é")).isEqualTo("plain é");
  }

  @Test
  void numbersAreShort() {
    assertThat(Markup.number(0)).isEqualTo("0");
    assertThat(Markup.number(0.1)).isEqualTo("0.1");
    assertThat(Markup.number(0.25)).isEqualTo("0.25");
    assertThat(Markup.number(100)).isEqualTo("100");
    assertThat(Markup.number(1500)).isEqualTo("1.5k");
    assertThat(Markup.number(12_345)).isEqualTo("12.3k");
    assertThat(Markup.number(20_000)).isEqualTo("20k");
    assertThat(Markup.coord(12.345)).isEqualTo("12.3");
  }
}
