package dev.procleak.core.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes a process wrote (its command line), as text that keeps them all: UTF-8 where they are
 * UTF-8; each byte of a sequence that is not becomes the lone surrogate U+DC00 + the byte (as
 * Python's {@code surrogateescape}), which valid UTF-8 never yields. The original bytes can be told
 * back from the text, and reports show such a byte as {@code \xff}.
 */
public final class Utf8 {
  private Utf8() {}

  public static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      // Malformed or unmappable: each byte of it on its own (an overflow cannot happen, since
      // no byte makes more than one char).
      for (int i = 0; i < result.length(); i++) {
        out.put((char) (0xDC00 | (in.get() & 0xFF)));
      }
    }
    return out.flip().toString();
  }

  /**
   * Whether {@code c}, when it stands alone (not the low half of a pair, which may fall in the same
   * range), is a byte that was not UTF-8 (see {@link #decode}).
   */
  public static boolean isEscapedByte(char c) {
    return c >= 0xDC80 && c <= 0xDCFF;
  }
}
