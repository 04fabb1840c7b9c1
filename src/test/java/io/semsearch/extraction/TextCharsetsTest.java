package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextCharsetsTest {

    final TextCharsets charsets = new TextCharsets();

    @Test
    void aByteOrderMarkDecides() {
        assertEquals(StandardCharsets.UTF_8, TextCharsets.byteOrderMark(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF, 'a'}));
        assertEquals(StandardCharsets.UTF_16BE, TextCharsets.byteOrderMark(new byte[] {(byte) 0xFE, (byte) 0xFF}));
        assertEquals(StandardCharsets.UTF_16LE, TextCharsets.byteOrderMark(new byte[] {(byte) 0xFF, (byte) 0xFE}));
        assertNull(TextCharsets.byteOrderMark(new byte[] {(byte) 0xEF, (byte) 0xBB}));
        byte[] utf16 = "\uFEFFÉté".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Été", TextCharsets.decode(utf16, charsets.of(utf16, MediaType.TEXT_PLAIN, false)));
    }

    @Test
    void validUtf8IsUtf8() {
        byte[] text = "Déjà l'été, cœur".getBytes(StandardCharsets.UTF_8);
        assertTrue(TextCharsets.isUtf8(text));
        assertEquals(StandardCharsets.UTF_8, charsets.of(text, MediaType.TEXT_PLAIN, false));
    }

    @Test
    void latinBytesAreReadAsWindows1252() {
        Charset windows = Charset.forName("windows-1252");
        byte[] text = ("Le cœur de l'été coûte 5 € : c'est déjà beaucoup pour une île, à ce qu'on dit, "
                + "et même davantage pour une côte où l'on prévoit des règles plus sévères.").getBytes(windows);
        assertFalse(TextCharsets.isUtf8(text));
        Charset charset = charsets.of(text, MediaType.TEXT_PLAIN, false);
        assertEquals(windows, charset);
        assertTrue(TextCharsets.decode(text, charset).startsWith("Le cœur de l'été coûte 5 €"));
    }

    @Test
    void latin1AndAsciiLabelsMeanWindows1252AsInBrowsers() {
        assertEquals("windows-1252", TextCharsets.browserCharset(StandardCharsets.ISO_8859_1).name());
        assertEquals("windows-1252", TextCharsets.browserCharset(StandardCharsets.US_ASCII).name());
        assertEquals(StandardCharsets.UTF_16BE, TextCharsets.browserCharset(StandardCharsets.UTF_16BE));
    }

    @Test
    void anHtmlMetaCharsetIsFollowed() {
        byte[] page = "<html><head><meta charset=\"ISO-8859-15\"></head><body>Ça coûte 5 \u20AC</body></html>"
                .getBytes(Charset.forName("ISO-8859-15"));
        assertEquals("ISO-8859-15", charsets.of(page, MediaType.text("html"), true).name());
    }
}
