package io.semsearch.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearModelTest {

    @Test
    void scoresWithTheWeightsOfTheFile() {
        Properties p = new Properties();
        p.setProperty("m.bias", "0.5");
        p.setProperty("m.a", "2");
        p.setProperty("m.b", "-1");
        LinearModel model = LinearModel.of(p, "test", "m", List.of("a", "b"));
        assertEquals(0.5 + 2 * 3 - 1 * 4, model.score(new double[] {3, 4}), 1e-12);
        assertEquals(List.of("m.bias=0.500000", "m.a=2.00000", "m.b=-1.00000"), model.toProperties("m"));
    }

    @Test
    void aFileLackingAFeatureIsRefused() {
        Properties p = new Properties();
        p.setProperty("m.a", "2");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LinearModel.of(p, "weights.properties", "m", List.of("a", "b")));
        assertTrue(e.getMessage().contains("m.b"), e.getMessage());
    }

    @Test
    void loadingAResourceReadsItsWeightsAndBias() {
        String resource = "search/fusion-weights.properties";
        LinearModel model = LinearModel.load(resource, "fusion", List.of("dense-gap", "lexical-share"));
        Properties file = ClasspathResources.properties(resource);
        assertEquals(Double.parseDouble(file.getProperty("fusion.dense-gap").strip()), model.weight("dense-gap"));
        assertEquals(Double.parseDouble(file.getProperty("fusion.lexical-share").strip()),
                model.weight("lexical-share"));
        assertEquals(Double.parseDouble(file.getProperty("fusion.bias").strip()), model.bias());
    }
}
