package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void whatItWritesJacksonReadsBackTheSame() throws Exception {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("command", "sh -c 'echo \"a\\b\" & sleep 5'\t\r\n\u0001 ← é 😀");
    inner.put("pid", 4711L);
    inner.put("scopes", 3);
    inner.put("testJvm", true);
    inner.put("empty", List.of());
    inner.put("nothing", Map.of());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("format", "procleak-jvm-report/3");
    value.put("leaks", List.of(inner, inner));
    value.put("names", new ArrayList<>(Arrays.asList("a", null, "c")));

    String json = JsonWriter.write(value);

    assertThat(JSON.std.mapFrom(json)).isEqualTo(JSON.std.mapFrom(JSON.std.asString(value)));
    assertThat(json).contains("\"pid\" : 4711").contains("\\u0001").endsWith("}\n");
  }

  @Test
  void aValueItCannotWriteIsAnError() {
    assertThatThrownBy(() -> JsonWriter.write(Map.of("at", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
  }
}
