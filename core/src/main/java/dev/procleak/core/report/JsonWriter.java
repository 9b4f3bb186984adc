package dev.procleak.core.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the per-JVM report, from maps, lists, strings, numbers and booleans, in the test JVM.
 * jackson-core alone costs 35 to 60 ms of class loading and set-up there (measured cold, on this
 * project's machines), more than the agent's whole budget per test JVM; these few lines cost
 * nothing. Everything procleak reads, and every report written in Maven's JVM, goes through
 * jackson-jr.
 */
final class JsonWriter {
  private static final String INDENT = "  ";

  private JsonWriter() {}

  /** {@code value} as indented JSON. */
  static String write(Object value) {
    StringBuilder json = new StringBuilder(4096);
    value(json, value, "");
    return escapeLoneSurrogates(json.append('\n').toString());
  }

  /** {@code value} as JSON on one line, for a file of one record a line. */
  static String line(Object value) {
    StringBuilder json = new StringBuilder(512);
    value(json, value, null);
    return escapeLoneSurrogates(json.append('\n').toString());
  }

  /**
   * @param indent the indent of the line {@code value} is on; null for no line breaks at all
   */
  private static void value(StringBuilder json, Object value, String indent) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof String text) {
      string(json, text);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      json.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(json, map, indent);
    } else if (value instanceof List<?> list) {
      array(json, list, indent);
    } else {
      throw new IllegalArgumentException(
          "no JSON for a " + value.getClass().getName() + ": " + value);
    }
  }

  private static void object(StringBuilder json, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      json.append("{}");
      return;
    }
    String inner = indent == null ? null : indent + INDENT;
    String breakLine = indent == null ? "" : "\n";
    json.append('{').append(breakLine);
    for (Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        entries.hasNext(); ) {
      Map.Entry<?, ?> entry = entries.next();
      json.append(inner == null ? "" : inner);
      string(json, (String) entry.getKey());
      json.append(inner == null ? ":" : " : ");
      value(json, entry.getValue(), inner);
      json.append(entries.hasNext() ? "," : "").append(breakLine);
    }
    json.append(indent == null ? "" : indent).append('}');
  }

  private static void array(StringBuilder json, List<?> list, String indent) {
    if (list.isEmpty()) {
      json.append("[ ]");
      return;
    }
    String inner = indent == null ? null : indent + INDENT;
    json.append("[ ");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        json.append(", ");
      }
      value(json, list.get(i), inner);
    }
    json.append(" ]");
  }

  /**
   * RFC 8259: a quote, a backslash and the control characters are escaped; the rest is as is (a
   * lone surrogate is escaped by {@link #write} as a whole).
   */
  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  private static boolean pairedAt(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /**
   * {@code json} with each surrogate without its pair (a byte that was not UTF-8, see {@link
   * dev.procleak.core.scan.Utf8}), which UTF-8 cannot carry, escaped: the only place one can stand
   * is inside a string. For this writer and for jackson-jr's, which leaves them as they are.
   */
  static String escapeLoneSurrogates(String json) {
    StringBuilder escaped = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean lone = Character.isSurrogate(c) && !pairedAt(json, i);
      if (lone && escaped == null) {
        escaped = new StringBuilder(json.length() + 16).append(json, 0, i);
      }
      if (lone) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        if (escaped != null) {
          escaped.append(c);
        }
        if (Character.isHighSurrogate(c) && i + 1 < json.length()) {
          i++;
          if (escaped != null) {
            escaped.append(json.charAt(i));
          }
        }
      }
    }
    return escaped == null ? json : escaped.toString();
  }
}
