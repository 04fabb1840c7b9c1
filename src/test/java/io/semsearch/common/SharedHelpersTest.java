package io.semsearch.common;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedHelpersTest {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void sha256OfATextAndOfAStreamAreTheStandardDigest() throws IOException {
        assertEquals(ABC, Sha256.hex("abc"));
        assertEquals(ABC, Sha256.hex(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Sha256.hex("é"), Sha256.hex(new ByteArrayInputStream("é".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void daemonThreadsAreNamedAfterWhatTheyDo() {
        ThreadFactory pool = DaemonThreads.numbered("work");
        Thread first = pool.newThread(() -> { });
        Thread second = pool.newThread(() -> { });
        assertEquals("work-1", first.getName());
        assertEquals("work-2", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon());
    }
}
