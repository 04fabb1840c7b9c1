package io.semsearch.document;

import org.junit.jupiter.api.Test;

import static io.semsearch.document.VectorColumnCheck.Decision.ADAPT;
import static io.semsearch.document.VectorColumnCheck.Decision.FITS;
import static io.semsearch.document.VectorColumnCheck.Decision.REFUSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VectorColumnCheckTest {

    @Test
    void aColumnOfTheModelsDimensionFits() {
        assertEquals(FITS, VectorColumnCheck.decide(384, 384, 0));
        assertEquals(FITS, VectorColumnCheck.decide(384, 384, 1_000));
    }

    @Test
    void anEmptyStoreTakesTheModelsDimensionAndAFilledOneRefusesIt() {
        assertEquals(ADAPT, VectorColumnCheck.decide(384, 768, 0));
        assertEquals(REFUSE, VectorColumnCheck.decide(384, 768, 1));
    }
}
