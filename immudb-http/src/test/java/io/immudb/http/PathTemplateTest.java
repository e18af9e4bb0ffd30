package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
  @Test
  void literalsAndVariablesMatchSegmentBySegment() {
    PathTemplate t = PathTemplate.parse("/db/get/{key}");
    assertThat(t.variables()).containsExactly("key");
    assertThat(t.literalCount()).isEqualTo(2);
    assertThat(t.match("/db/get/aGk=")).contains(Map.of("key", "aGk="));
    assertThat(t.match("/db/get")).isEmpty();
    assertThat(t.match("/db/get/")).isEmpty();
    assertThat(t.match("/db/get/a/b")).isEmpty();
    assertThat(t.match("/db/set/x")).isEmpty();
    assertThat(t.openApiPath()).isEqualTo("/db/get/{key}");
  }

  @Test
  void percentEscapesAreDecodedAndPlusStaysAPlus() {
    PathTemplate t = PathTemplate.parse("/db/get/{key=*}");
    assertThat(t.match("/db/get/a%2Fb+c%3D")).contains(Map.of("key", "a/b+c="));
  }

  @Test
  void theWiderTemplateGrammarIsRefused() {
    assertThatThrownBy(() -> PathTemplate.parse("db/get"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTemplate.parse("/v1/{name=shelves/*}"))
        .hasMessageContaining("unsupported");
    assertThatThrownBy(() -> PathTemplate.parse("/v1/{name=a}"))
        .hasMessageContaining("unsupported path variable");
    assertThatThrownBy(() -> PathTemplate.parse("/v1/**")).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> PathTemplate.parse("/v1/x:verb")).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> PathTemplate.parse("/v1//x")).hasMessageContaining("unsupported");
  }
}
