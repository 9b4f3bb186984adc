package dev.procleak.core.report.html;

import dev.procleak.core.report.Printable;

/**
 * Text into HTML, in element content and in quoted attribute values alike: markup as text, and each
 * control character, line separator or byte that was not UTF-8 as the console shows it ({@link
 * Printable#oneLine}), so that a page shows what a stranger wrote and nothing else.
 */
final class Html {
  private Html() {}

  static String escape(String raw) {
    String text = Printable.oneLine(raw);
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          escaped.append("&amp;");
          break;
        case '<':
          escaped.append("&lt;");
          break;
        case '>':
          escaped.append("&gt;");
          break;
        case '"':
          escaped.append("&quot;");
          break;
        case '\'':
          escaped.append("&#39;");
          break;
        default:
          escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
