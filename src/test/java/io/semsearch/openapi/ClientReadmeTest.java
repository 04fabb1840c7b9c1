package io.semsearch.openapi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** client/README.md shows the code of ClientExample, which compiles against the client jar and is run by a test. */
class ClientReadmeTest {

    @Test
    void theReadmeExampleIsTheCodeOfClientExample() throws IOException {
        String readme = Files.readString(Path.of("client/README.md"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "client/README.md has no java block");
        String example = Files.readString(Path.of("src/test/java/io/semsearch/openapi/ClientExample.java"));
        Matcher marked = Pattern.compile("// README: begin\n(.*?)\n\\s*// README: end", Pattern.DOTALL).matcher(example);
        assertTrue(marked.find(), "ClientExample has no README: begin / end markers");
        assertEquals(unindented(marked.group(1)), unindented(block.group(1)),
                "client/README.md's example differs from ClientExample's code: copy it from ClientExample");
    }

    private static String unindented(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
