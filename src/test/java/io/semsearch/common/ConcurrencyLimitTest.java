package io.semsearch.common;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyLimitTest {

    @Test
    void eachClientHasItsOwnPlacesGivenBackOnce() {
        ConcurrencyLimit uploads = new ConcurrencyLimit("file uploads", "semsearch.ingest.max-uploads-per-key");
        ConcurrencyLimit.Permit first = uploads.enter("key:a", 2);
        ConcurrencyLimit.Permit second = uploads.enter("key:a", 2);
        TooManyConcurrentRequestsException refused = assertThrows(TooManyConcurrentRequestsException.class,
                () -> uploads.enter("key:a", 2));
        assertEquals(429, refused.status());
        assertEquals(Map.of("Retry-After", "5"), refused.headers());
        assertTrue(refused.getMessage().contains("semsearch.ingest.max-uploads-per-key"), refused.getMessage());
        uploads.enter("key:b", 2).close();

        first.close();
        first.close();
        assertEquals(1, uploads.running("key:a"), "a permit closed twice frees one place");
        uploads.enter("key:a", 2).close();
        second.close();
        assertEquals(0, uploads.running("key:a"));
    }
}
