package io.semsearch.ingest;

import io.semsearch.common.ClasspathResources;

import java.util.List;

/** The bundled sample corpus (src/main/resources/sample-articles), read from the classpath. */
final class SampleArticles {

    static final String A000 = "000_a0be3629d42b0289.txt";
    static final String A001 = "001_5e379c195ea6620d.txt";
    static final String A002 = "002_b6be96e92687f2c0.txt";
    static final String A003 = "003_3715634ce2dd554f.txt";
    static final String A004 = "004_4680f78da926fdc0.txt";

    static final List<String> ALL = ClasspathResources.lines(SampleCorpus.FOLDER + "INDEX");

    private SampleArticles() {
    }

    static String raw(String name) {
        return ClasspathResources.text(SampleCorpus.FOLDER + name);
    }
}
