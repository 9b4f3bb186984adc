package dev.procleak.core.report;

import dev.procleak.core.scan.Utf8;

/**
 * Text written by strangers (command lines, working directories, test names) as procleak's reports
 * show it. On the console and in every line-based report each process stays on one line: a control
 * character is shown as its escape ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b}), and
 * so are Unicode's line separators and a surrogate without its pair; a backslash written by the
 * process stays as it is. XML 1.0 forbids most control characters even escaped: {@link #xml10}
 * shows those the same way. The JSON report keeps the text as it was.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} on one line, every control character escaped; {@code text} itself when none. */
  public static String oneLine(String text) {
    return shown(text, false);
  }

  /**
   * {@code text} with only the characters XML 1.0 allows: tab, newline and carriage return stay;
   * other control characters, U+FFFE, U+FFFF and a surrogate without its pair are shown escaped, as
   * on the console.
   */
  public static String xml10(String text) {
    return shown(text, true);
  }

  private static String shown(String text, boolean xml) {
    StringBuilder shown = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean kept = pair || (xml ? allowedInXml(c) : printable(c));
      if (kept && shown == null) {
        i += pair ? 1 : 0;
        continue; // the common case: nothing to copy until something must be escaped
      }
      if (shown == null) {
        shown = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (kept) {
        shown.append(c);
        if (pair) {
          shown.append(text.charAt(++i));
        }
      } else {
        escape(c, shown);
      }
    }
    return shown == null ? text : shown.toString();
  }

  /** Not a control character nor a line separator, nor half of a pair on its own. */
  private static boolean printable(char c) {
    return c >= 0x20
        && !(c >= 0x7f && c <= 0x9f)
        && c != '\u2028'
        && c != '\u2029'
        && !Character.isSurrogate(c);
  }

  private static boolean allowedInXml(char c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    return c != '\uFFFE' && c != '\uFFFF' && !Character.isSurrogate(c);
  }

  private static void escape(char c, StringBuilder into) {
    switch (c) {
      case '\n' -> into.append("\\n");
      case '\r' -> into.append("\\r");
      case '\t' -> into.append("\\t");
      default ->
          into.append(
              Utf8.isEscapedByte(c)
                  ? String.format("\\x%02x", c & 0xFF)
                  : String.format("\\u%04x", (int) c));
    }
  }
}
