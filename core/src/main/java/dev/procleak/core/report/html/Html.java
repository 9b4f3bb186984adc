package dev.procleak.core.report.html;

/** Text into HTML, in element content and in quoted attribute values alike. */
final class Html {
  private Html() {}

  static String escape(String text) {
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
          // Control characters other than tab and newline are not allowed in HTML text.
          if (c < 0x20 && c != '\t' && c != '\n') {
            escaped.append('\uFFFD');
          } else {
            escaped.append(c);
          }
      }
    }
    return escaped.toString();
  }
}
