package io.semsearch.extraction;

import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The charset of a text file: its byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Tika's detectors
 * (for HTML the {@code <meta charset>} first; ISO-8859-1 read as windows-1252), else windows-1252.
 */
final class TextCharsets {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final EncodingDetector detector = new DefaultEncodingDetector();

    Charset of(byte[] content, MediaType type, boolean html) {
        Charset marked = byteOrderMark(content);
        if (marked != null) {
            return marked;
        }
        if (isUtf8(content)) {
            return StandardCharsets.UTF_8;
        }
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, html ? "text/html" : type.getBaseType().toString());
        try (TikaInputStream in = TikaInputStream.get(content)) {
            Charset detected = detector.detect(in, metadata);
            if (detected != null) {
                return browserCharset(detected);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WINDOWS_1252;
    }

    /** The charset a byte-order mark names, or {@code null} without one. */
    static Charset byteOrderMark(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * As browsers do (WHATWG Encoding): ISO-8859-1 and ASCII labels mean windows-1252, whose 0x80-0x9F are printable
     * (œ, €, ’, …) instead of control characters.
     */
    static Charset browserCharset(Charset detected) {
        return detected.equals(StandardCharsets.ISO_8859_1) || detected.equals(StandardCharsets.US_ASCII)
                ? WINDOWS_1252 : detected;
    }

    /** The text, without a leading byte-order mark. */
    static String decode(byte[] content, Charset charset) {
        String text = new String(content, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
