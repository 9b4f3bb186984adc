package dev.procleak.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void aPairWhoseLowHalfLooksLikeAnEscapedByteIsAPair() {
    byte[] bytes = {(byte) 0xF3, (byte) 0xBF, (byte) 0xA3, (byte) 0xBF}; // U+FF8FF, found by jqwik
    assertThat(Utf8.decode(bytes)).isEqualTo("\uDBBE\uDCFF");
  }

  @Test
  void bytesThatAreNotUtf8AreKeptAsEscapes() {
    byte[] bytes = {'s', 'h', ' ', (byte) 0xFF, (byte) 0xFE, ' ', (byte) 0xC3, (byte) 0xA9};
    assertThat(Utf8.decode(bytes)).isEqualTo("sh \uDCFF\uDCFE \u00e9");
  }

  @Property(tries = 2000)
  void anyBytesCanBeToldBack(@ForAll @Size(max = 64) byte[] bytes) {
    assertThat(encode(Utf8.decode(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 1000)
  void utf8IsReadAsUtf8(@ForAll @Size(max = 32) String text) {
    String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(Utf8.decode(wellFormed.getBytes(StandardCharsets.UTF_8))).isEqualTo(wellFormed);
  }

  /** The bytes back: an escaped byte as itself, every other run of text as UTF-8. */
  private static byte[] encode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // The low half of a pair may fall in the same range: only a lone one is a byte.
      boolean lone = i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
      if (Utf8.isEscapedByte(c) && lone) {
        bytes.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
        run.setLength(0);
        bytes.write(c & 0xFF);
      } else {
        run.append(c);
      }
    }
    bytes.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }
}
