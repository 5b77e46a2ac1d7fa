package dk.botilbudslaege.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body's invalid UTF-8 (a stray {@code FF}, an encoded surrogate {@code ED A0 80}), made a
 * refusal of its field instead of an unreadable body (issue 10, item 7: one 400 lists every bad field).
 * Each ill-formed byte sequence becomes the JSON escape of a lone surrogate (backslash, {@code uDFFF}), which
 * the text rules refuse on the field it stands in ("Indeholder et ugyldigt tegn"); outside a string
 * the body stays unreadable, as it was. Bodies over {@link #LIMIT} are left as they are.
 */
final class InvalidUtf8 {

    /** The largest body read ahead to be mended; the app's JSON bodies are a few kilobytes. */
    static final int LIMIT = 1 << 20;

    private static final byte[] MARK = "\\uDFFF".getBytes(StandardCharsets.US_ASCII);

    private InvalidUtf8() {}

    static InputStream marked(InputStream body) throws IOException {
        byte[] head = body.readNBytes(LIMIT + 1);
        if (head.length > LIMIT || utf16or32(head)) {
            return new SequenceInputStream(new ByteArrayInputStream(head), body);
        }
        return new ByteArrayInputStream(marked(head));
    }

    /** The bytes with every ill-formed UTF-8 sequence replaced by that escape; the same array when valid. */
    static byte[] marked(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer scratch = CharBuffer.allocate(4096);
        ByteArrayOutputStream out = null;
        int copied = 0;
        while (true) {
            CoderResult result = decoder.decode(in, scratch, true);
            scratch.clear();
            if (result.isOverflow()) {
                continue;
            }
            if (result.isUnderflow()) {
                break;
            }
            int bad = in.position();
            if (out == null) {
                out = new ByteArrayOutputStream(bytes.length + 16);
            }
            out.write(bytes, copied, bad - copied);
            if (escaped(bytes, bad)) {
                out.write(bytes, bad, result.length()); // after a backslash the mark would be text: stays unreadable
            } else {
                out.write(MARK, 0, MARK.length);
            }
            copied = bad + result.length();
            in.position(copied);
        }
        if (out == null) {
            return bytes;
        }
        out.write(bytes, copied, bytes.length - copied);
        return out.toByteArray();
    }

    /** Jackson's own detection of a body in UTF-16 or UTF-32: a byte order mark or a zero byte ahead. */
    private static boolean utf16or32(byte[] head) {
        if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFF)
                && ((head[1] & 0xFF) == 0xFE || (head[1] & 0xFF) == 0xFF)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, head.length); i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean escaped(byte[] bytes, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && bytes[i] == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
