package io.semsearch.extraction;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages of the extraction benchmark and tests: the news pages built around the sample articles (committed test
 * resources) and the Debian documentation pages listed in {@code debian-pages.tsv} (installed by
 * {@code scripts/setup-extraction-fixtures.sh}), each with its reference main text, plus the PDF, DOCX and ODT files
 * that script makes from them with LibreOffice under {@code target/extraction-fixtures/}.
 */
public final class ExtractionCorpus {

    static final Path ROOT = Path.of(System.getProperty("project.root", System.getProperty("user.dir")));
    static final Path RESOURCES = ROOT.resolve("src/test/resources/extraction");
    static final Path FIXTURES = ROOT.resolve("target/extraction-fixtures");
    /** Where scripts/setup-extraction-fixtures.sh puts what it makes and unpacks. */
    public static final Path FIXTURES_ROOT = FIXTURES;
    static final List<String> OFFICE_FORMATS = List.of("pdf", "docx", "odt");

    /** A page and its reference. {@code contentSelector} and {@code exclude} are those of Debian pages. */
    public record Page(String id, String kind, String debianPackage, Path html, String contentSelector, String exclude) {

        public String reference() {
            return read(RESOURCES.resolve("reference").resolve(id + ".txt"));
        }

        public byte[] bytes() {
            try {
                return Files.readAllBytes(html);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The office file the fixture script made from this page, when it exists. */
        public Optional<Path> office(String extension) {
            Path file = FIXTURES.resolve(extension).resolve(id + "." + extension);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
    }

    static final Path PACKAGES = FIXTURES.resolve("packages");

    /**
     * A page of the wide benchmark ({@code generators.tsv}).
     *
     * @param heldOut whether the page is held out (never looked at while the extractor was changed)
     * @param navigation the selectors of its generator's navigation, removed from the reference with the plain
     *     navigation ({@link WideReference})
     */
    public record WidePage(String id, String generator, String debianPackage, Path html, boolean heldOut,
            String navigation) {

        public byte[] bytes() {
            try {
                return Files.readAllBytes(html);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String reference() {
            return WideReference.of(bytes(), html.getFileName().toString(), navigation);
        }
    }

    private ExtractionCorpus() {
    }

    /**
     * The pages of every generator of {@code generators.tsv}, chosen and split as its header says; the packages must
     * be unpacked (skipped on a developer machine, failed in CI, as {@link #requireFixtures}).
     */
    public static List<WidePage> widePages() {
        List<WidePage> pages = new ArrayList<>();
        for (String line : read(RESOURCES.resolve("generators.tsv")).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Path dir = PACKAGES.resolve(f[2]);
            requireFixtures(Files.isDirectory(dir), dir + " missing");
            String glob = f[3];
            int count = Integer.parseInt(f[4]);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(file -> file.getFileSystem().getPathMatcher("glob:" + glob)
                                .matches(file.getFileName()))
                        .filter(file -> !List.of("search.html", "genindex.html")
                                .contains(file.getFileName().toString()))
                        .filter(file -> size(file) <= 1024 * 1024)
                        .sorted(Comparator.comparing(file -> sha256(PACKAGES.relativize(file).toString())))
                        .limit(count)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int rank = 0; rank < files.size(); rank++) {
                Path file = files.get(rank);
                String name = file.getFileName().toString().replaceFirst("\\.html$", "");
                pages.add(new WidePage(f[0] + "-" + name, f[0], f[1], file, rank % 2 == 0,
                        f[5].equals("-") ? "" : f[5]));
            }
        }
        return pages;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Page> newsPages() {
        List<Page> pages = new ArrayList<>();
        for (String id : List.of("news-000", "news-001", "news-002", "news-003", "news-004")) {
            pages.add(new Page(id, "news", null, RESOURCES.resolve("news").resolve(id + ".html"), null, null));
        }
        return pages;
    }

    /** Every Debian page of the manifest, installed or not. */
    public static List<Page> debianManifest() {
        List<Page> pages = new ArrayList<>();
        for (String line : read(RESOURCES.resolve("debian-pages.tsv")).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            pages.add(new Page(f[0], "debian", f[1], Path.of(f[2]), f[3], f[4].equals("-") ? "" : f[4]));
        }
        return pages;
    }

    /**
     * The Debian pages, which must be installed: a test is skipped without them on a developer machine, and fails
     * in CI (where {@code CI} is set), since the test set-up installs them.
     */
    public static List<Page> debianPages() {
        List<Page> pages = debianManifest();
        List<String> missing = pages.stream().filter(p -> !Files.isRegularFile(p.html())).map(p -> p.html().toString())
                .toList();
        requireFixtures(missing.isEmpty(), "Debian documentation pages missing: " + missing);
        return pages;
    }

    /** Skips (developer machine) or fails (CI) when the fixtures made by the set-up script are absent. */
    public static void requireFixtures(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " — run scripts/setup-extraction-fixtures.sh";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.assumeTrue(false, message);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
