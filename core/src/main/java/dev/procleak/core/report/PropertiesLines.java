package dev.procleak.core.report;

import java.io.InputStream;
import java.util.Properties;

/**
 * Lines of a properties file, written as the JDK's {@link Properties#store(java.io.OutputStream,
 * String)} escapes them and read with {@link Properties#load(InputStream)}: the files a test JVM
 * writes and reads as it begins and for each start (journals, build records), where {@code store}
 * itself would cost 35 to 40 ms cold (it formats a date) and a JSON library is not there.
 */
final class PropertiesLines {
  private PropertiesLines() {}

  /**
   * Appends {@code key=value} as one line of a properties file, as {@link
   * Properties#store(java.io.OutputStream, String)} escapes it: ASCII only, every other character
   * (a lone surrogate that stands for a byte that was not UTF-8 too) as its {@code \\u} escape, so
   * that {@link Properties#load(InputStream)} reads back the text as it was. Not {@code store}
   * itself: it formats a date for every call, 60 us a start where this costs a few.
   */
  static void entry(StringBuilder lines, String key, String value) {
    escape(lines, key, true);
    lines.append('=');
    escape(lines, value == null ? "" : value, false);
    lines.append('\n');
  }

  private static void escape(StringBuilder out, String text, boolean key) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(i == 0 || key ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
              out.append(Character.forDigit((c >> shift) & 0xf, 16));
            }
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
