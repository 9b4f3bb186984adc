package dev.procleak.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class PrintableTest {

  @Test
  void controlCharactersAreShownAsTheirEscapes() {
    assertThat(Printable.oneLine("sleep 60 # a\nb\r\tc\u0001\u001b[31mred\u007f\u0085\u2028"))
        .isEqualTo("sleep 60 # a\\nb\\r\\tc\\u0001\\u001b[31mred\\u007f\\u0085\\u2028");
    assertThat(Printable.oneLine("<b>&amp; \\n stays, caf\u00e9, \uD83D\uDE00"))
        .isEqualTo("<b>&amp; \\n stays, caf\u00e9, \uD83D\uDE00");
    assertThat(Printable.oneLine("half \uD83D pair \uDE00")).isEqualTo("half \\ud83d pair \\ude00");
  }

  @Test
  void xmlKeepsWhatXmlAllows() {
    assertThat(Printable.xml10("a\nb\tc\rd\u0001e\uFFFEf\uD83D"))
        .isEqualTo("a\nb\tc\rd\\u0001e\\ufffef\\ud83d");
  }

  @Property(tries = 2000)
  void anyTextStaysOnOneLine(@ForAll @StringLength(max = 64) String text) {
    String shown = Printable.oneLine(text);
    assertThat(shown.lines().count()).isLessThanOrEqualTo(1);
    shown
        .chars()
        .forEach(
            c -> assertThat(c < 0x20 || (c >= 0x7f && c <= 0x9f)).as("char %04x", c).isFalse());
  }

  @Property(tries = 2000)
  void anyTextMakesWellFormedXml(@ForAll @StringLength(max = 64) String text) throws Exception {
    String xml =
        "<a b=\""
            + attribute(Printable.xml10(text))
            + "\">"
            + element(Printable.xml10(text))
            + "</a>";
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
  }

  @Property(tries = 500)
  void printableTextIsLeftAsItIs(
      @ForAll @StringLength(max = 64) @CharRange(from = ' ', to = '~') @Chars({'\u00e9', '\u4e2d'})
          String text) {
    assertThat(Printable.oneLine(text)).isSameAs(text);
    assertThat(Printable.xml10(text)).isSameAs(text);
  }

  private static String element(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String attribute(String text) {
    return element(text).replace("\"", "&quot;");
  }
}
