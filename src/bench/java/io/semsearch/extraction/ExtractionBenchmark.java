package io.semsearch.extraction;

import de.l3s.boilerpipe.BoilerpipeExtractor;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import de.l3s.boilerpipe.extractors.DefaultExtractor;
import de.l3s.boilerpipe.sax.BoilerpipeHTMLContentHandler;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The extraction benchmark: main-content quality of web pages against written-down references (news pages built
 * around the sample articles, French Debian documentation pages), the alternatives it was chosen against, text
 * recall of the PDF, DOCX and ODT versions of the same pages, parse times, and the time to refuse each bad file.
 * Writes {@code docs/benchmarks/extraction.md}. Run it with {@code scripts/benchmark.sh extraction} (fixtures first,
 * then {@code mvn verify -Pbenchmark -Dit.test=ExtractionBenchmark}).
 */
class ExtractionBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = Integer.getInteger("benchmark.runs", 9);

    private final StringBuilder report = new StringBuilder();

    @Test
    void benchmark() throws Exception {
        List<ExtractionCorpus.Page> pages = new ArrayList<>(ExtractionCorpus.newsPages());
        pages.addAll(ExtractionCorpus.debianPages());
        try (DocumentExtractor extractor = new DocumentExtractor()) {
            header();
            pageQuality(extractor, pages);
            breakdown(extractor, pages);
            alternatives(extractor, pages);
            officeFormats(extractor, pages);
            badFiles(extractor);
            widePages(extractor);
            ocr(extractor);
        }
        Path out = ExtractionCorpus.ROOT.resolve("docs/benchmarks/extraction.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.out.println("Written to " + ExtractionCorpus.ROOT.relativize(out));
    }

    // ------------------------------------------------------------------------------------------------------------

    private void header() {
        line("# Document extraction");
        line("");
        table(List.of("", ""), List.of(
                List.of("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .substring(0, 16) + "Z"),
                List.of("commit", command("git", "rev-parse", "--short", "HEAD")
                        + (command("git", "status", "--porcelain", "--untracked-files=no").isBlank() ? ""
                                : " (modified)")),
                List.of("machine", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores"),
                List.of("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")),
                List.of("load average at start (1, 5, 15 min)", loadAverage()),
                List.of("Debian packages", fixtureVersions())));
        line("Made by `ExtractionBenchmark` (`scripts/benchmark.sh extraction`). Pages: the five news pages built "
                + "around the sample articles by `scripts/make-news-pages.py` (five page shapes: HTML5 landmarks, "
                + "telling class names, a WordPress blog, generated class names only, a `role=main` magazine; each with "
                + "menu, cookie banner, share buttons, comments and a comment form, related-article teasers, footer) "
                + "and ten French pages of Debian documentation packages (`src/test/resources/extraction/"
                + "debian-pages.tsv`: DocBook XHTML chapters of maint-guide, debian-reference, the FAQ and aptitude's "
                + "manual, Sphinx pages of the developers' reference). References: "
                + "`src/test/resources/extraction/reference/`; for news pages the article's title, standfirst and "
                + "body as the generator laid them out, for Debian pages the text of the content element named in the "
                + "manifest less its own table of contents (`MakeDebianReferences`), both independent of the "
                + "extractor.");
        line("");
        line("**Metric**: character-weighted bag of words. Both texts are cut into words (NFKC, lower case, runs of "
                + "letters and digits); each word weighs its length; the overlap counts a word as often as it is in "
                + "both. Precision = overlap / extracted characters (1 − precision is the boilerplate let through), "
                + "recall = overlap / reference characters, F1 their harmonic mean. Totals are pooled over the pages "
                + "(micro average). Times are medians of " + RUNS + " runs after " + WARM_UP + " warm-up runs, in "
                + "one JVM, on a machine shared with other work: read them as orders of magnitude.");
        line("");
    }

    private void pageQuality(DocumentExtractor extractor, List<ExtractionCorpus.Page> pages) {
        line("## 1. Main text of web pages (the extractor as shipped)");
        line("");
        List<List<String>> rows = new ArrayList<>();
        Map<String, TextOverlap> totals = new LinkedHashMap<>();
        Map<String, List<Double>> msPerMb = new LinkedHashMap<>();
        for (ExtractionCorpus.Page page : pages) {
            byte[] bytes = page.bytes();
            String name = page.html().getFileName().toString();
            Timed<ExtractedDocument> run = time(() -> extractor.extract(bytes, name, null));
            ExtractedDocument doc = run.value();
            TextOverlap overlap = TextOverlap.of(doc.text(), page.reference());
            totals.merge(page.kind(), overlap, TextOverlap::plus);
            totals.merge("all", overlap, TextOverlap::plus);
            double mb = bytes.length / (1024.0 * 1024.0);
            msPerMb.computeIfAbsent(page.kind(), k -> new ArrayList<>()).add(run.ms() / mb);
            rows.add(List.of(page.id(), page.kind(), kb(bytes.length), String.valueOf(page.reference().length()),
                    String.valueOf(doc.text().length()), pct(overlap.precision()), pct(overlap.recall()),
                    pct(overlap.f1()), ms(run.ms()), String.format(Locale.ROOT, "%.0f", run.ms() / mb),
                    doc.language() + " (" + doc.languageSource().name().toLowerCase(Locale.ROOT)
                            + (doc.languageConfidence() == null ? "" : " " + doc.languageConfidence()) + ")"));
        }
        table(List.of("page", "kind", "size", "reference chars", "extracted chars", "precision", "recall", "F1",
                "ms", "ms/MiB", "language"), rows);
        List<List<String>> summary = new ArrayList<>();
        for (Map.Entry<String, TextOverlap> total : totals.entrySet()) {
            TextOverlap t = total.getValue();
            summary.add(List.of(total.getKey(), pct(t.precision()), pct(1 - t.precision()), pct(t.recall()),
                    pct(t.f1())));
        }
        line("Pooled:");
        line("");
        table(List.of("pages", "precision", "boilerplate let through", "recall", "F1"), summary);
    }

    /** Where the time of an HTML extraction goes (medians over the pages of each step's median). */
    private void breakdown(DocumentExtractor extractor, List<ExtractionCorpus.Page> pages) {
        LanguageIdentifier languages = new LanguageIdentifier();
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        for (ExtractionCorpus.Page page : pages) {
            byte[] bytes = page.bytes();
            String name = page.html().getFileName().toString();
            String text = extractor.extract(bytes, name, null).text();
            steps.computeIfAbsent("type detection (Tika)", k -> new ArrayList<>())
                    .add(time(() -> extractor.detectMediaType(bytes, name, null)).ms());
            steps.computeIfAbsent("parse + main content + text (jsoup)", k -> new ArrayList<>())
                    .add(time(() -> HtmlMainContent.extract(parse(page))).ms());
            steps.computeIfAbsent("language detection (OpenNLP, sampled text)", k -> new ArrayList<>())
                    .add(time(() -> languages.detect(text, 20)).ms());
            steps.computeIfAbsent("whole extract() call (worker thread, metadata, all steps)",
                    k -> new ArrayList<>()).add(time(() -> extractor.extract(bytes, name, null)).ms());
        }
        List<List<String>> rows = new ArrayList<>();
        steps.forEach((step, times) -> rows.add(List.of(step, ms(median(times)))));
        line("Where the time goes (median over the pages):");
        line("");
        table(List.of("step", "median ms/page"), rows);
    }

    private void alternatives(DocumentExtractor extractor, List<ExtractionCorpus.Page> pages) {
        line("## 2. Alternatives measured");
        line("");
        line("Same pages, same metric. The shipped extractor is the first row; the others were measured against it "
                + "and rejected. Boilerpipe is the library behind Tika's `BoilerpipeContentHandler` (its Tika 3 module "
                + "is not served by this project's Maven mirror, so the same library, `com.robbypond:boilerpipe` 1.2.3, "
                + "is fed with the SAX events of Tika's own HTML parser, as that handler does). \"Whole page\" is "
                + "every visible text of the page, the baseline of no main-content extraction.");
        line("");
        Map<String, Function<ExtractionCorpus.Page, String>> methods = new LinkedHashMap<>();
        methods.put("shipped: jsoup rules + semantic container + Readability-style scoring, link density > 0.65 "
                + "dropped", page -> extractor.extract(page.bytes(), page.html().getFileName().toString(), null)
                        .text());
        methods.put("same, link density > 0.35 dropped", page -> variant(page,
                new HtmlMainContent.Tuning(0.35, true, HtmlMainContent.Tuning.DEFAULT.minCoverage())));
        methods.put("same, link density > 0.5 dropped", page -> variant(page,
                new HtmlMainContent.Tuning(0.5, true, HtmlMainContent.Tuning.DEFAULT.minCoverage())));
        methods.put("same, link density > 0.8 dropped", page -> variant(page, new HtmlMainContent.Tuning(0.8, true, HtmlMainContent.Tuning.DEFAULT.minCoverage())));
        methods.put("same, scoring only (article/main not trusted first)", page -> variant(page,
                new HtmlMainContent.Tuning(0.65, false, HtmlMainContent.Tuning.DEFAULT.minCoverage())));
        methods.put("Boilerpipe ArticleExtractor (Tika's HTML parser)", page -> boilerpipe(page,
                ArticleExtractor.INSTANCE));
        methods.put("Boilerpipe DefaultExtractor (Tika's HTML parser)", page -> boilerpipe(page,
                DefaultExtractor.INSTANCE));
        methods.put("whole page (no main-content extraction)", page -> BlockText.render(parse(page).body()));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Function<ExtractionCorpus.Page, String>> method : methods.entrySet()) {
            TextOverlap news = new TextOverlap(0, 0, 0);
            TextOverlap debian = new TextOverlap(0, 0, 0);
            List<Double> times = new ArrayList<>();
            for (ExtractionCorpus.Page page : pages) {
                Timed<String> run = time(() -> method.getValue().apply(page));
                TextOverlap overlap = TextOverlap.of(run.value(), page.reference());
                if (page.kind().equals("news")) {
                    news = news.plus(overlap);
                } else {
                    debian = debian.plus(overlap);
                }
                times.add(run.ms());
            }
            TextOverlap all = news.plus(debian);
            rows.add(List.of(method.getKey(), pct(news.precision()), pct(news.recall()), pct(news.f1()),
                    pct(debian.precision()), pct(debian.recall()), pct(debian.f1()), pct(all.f1()),
                    ms(median(times))));
        }
        table(List.of("method", "news P", "news R", "news F1", "Debian P", "Debian R", "Debian F1", "all F1",
                "median ms/page"), rows);
    }

    private void officeFormats(DocumentExtractor extractor, List<ExtractionCorpus.Page> pages) {
        line("## 3. PDF, DOCX and ODT made from the same pages");
        line("");
        line("`scripts/setup-extraction-fixtures.sh` converts every page with LibreOffice Writer (headless, HTML "
                + "import filter) to PDF, DOCX and ODT. These files hold the whole page, boilerplate included (no "
                + "main-content extraction applies to them), so recall against the page's reference is the measure; "
                + "precision only says how much of the page's chrome came along.");
        line("");
        List<List<String>> rows = new ArrayList<>();
        for (String format : ExtractionCorpus.OFFICE_FORMATS) {
            for (String kind : List.of("news", "debian")) {
                TextOverlap total = new TextOverlap(0, 0, 0);
                List<Double> times = new ArrayList<>();
                List<Double> perMb = new ArrayList<>();
                double minRecall = 1;
                int count = 0;
                long bytes = 0;
                for (ExtractionCorpus.Page page : pages) {
                    if (!page.kind().equals(kind)) {
                        continue;
                    }
                    Path file = page.office(format).orElse(null);
                    ExtractionCorpus.requireFixtures(file != null, format + " version of " + page.id() + " missing");
                    byte[] content = read(file);
                    Timed<ExtractedDocument> run = time(() -> extractor.extract(content, file.getFileName()
                            .toString(), null));
                    TextOverlap overlap = TextOverlap.of(run.value().text(), page.reference());
                    total = total.plus(overlap);
                    minRecall = Math.min(minRecall, overlap.recall());
                    times.add(run.ms());
                    perMb.add(run.ms() / (content.length / (1024.0 * 1024.0)));
                    bytes += content.length;
                    count++;
                }
                rows.add(List.of(format.toUpperCase(Locale.ROOT), kind, String.valueOf(count), kb(bytes / count),
                        pct(total.recall()), pct(minRecall), pct(total.precision()), ms(median(times)),
                        String.format(Locale.ROOT, "%.0f", median(perMb))));
            }
        }
        table(List.of("format", "pages", "files", "mean size", "recall", "lowest page recall",
                "precision (page chrome included)", "median ms/file", "median ms/MiB"), rows);
    }

    private void badFiles(DocumentExtractor shipped) throws IOException {
        line("## 4. Bad files");
        line("");
        long maxBytes = 1024 * 1024;
        line("Each case made in the test (`BadFiles`); the oversize case with a 1 MiB limit, the others with the "
                + "shipped limits (" + ExtractionOptions.DEFAULT_MAX_BYTES / (1024 * 1024) + " MiB, "
                + ExtractionOptions.DEFAULT_MAX_CHARS + " characters, compression ratio "
                + ExtractionOptions.DEFAULT_MAX_COMPRESSION_RATIO + ", timeout "
                + ExtractionOptions.DEFAULT_TIMEOUT.toSeconds() + " s). Time from the call to the exception, median "
                + "of 5 runs after one warm-up.");
        line("");
        List<List<String>> rows = new ArrayList<>();
        try (DocumentExtractor small = new DocumentExtractor(ExtractionOptions.defaults().withMaxBytes(maxBytes))) {
            for (BadFiles.Case bad : BadFiles.all(maxBytes)) {
                DocumentExtractor extractor = bad.expected() == DocumentTooLargeException.class ? small : shipped;
                List<Double> times = new ArrayList<>();
                ExtractionException last = null;
                for (int i = 0; i < 6; i++) {
                    long start = System.nanoTime();
                    try {
                        extractor.extract(bad.content(), bad.fileName(), bad.declaredType());
                    } catch (ExtractionException e) {
                        last = e;
                    }
                    if (i > 0) {
                        times.add((System.nanoTime() - start) / 1e6);
                    }
                }
                String outcome = last == null ? "**accepted (wrong)**" : last.getClass().getSimpleName();
                rows.add(List.of(bad.name(), kb(bad.content().length), outcome,
                        last == null ? "" : String.valueOf(last.status()), ms(median(times)),
                        last == null ? "" : last.getMessage().replace("|", "\\|")));
            }
        }
        table(List.of("case", "size", "exception", "status", "ms", "detail"), rows);
    }

    // ---- alternatives ------------------------------------------------------------------------------------------

    private static Document parse(ExtractionCorpus.Page page) {
        String source = new String(page.bytes(), StandardCharsets.UTF_8);
        return source.startsWith("<?xml") ? Jsoup.parse(source, "", Parser.xmlParser()) : Jsoup.parse(source);
    }

    private static String variant(ExtractionCorpus.Page page, HtmlMainContent.Tuning tuning) {
        return HtmlMainContent.extract(parse(page), tuning).text();
    }

    private static String boilerpipe(ExtractionCorpus.Page page, BoilerpipeExtractor extractor) {
        try {
            BoilerpipeHTMLContentHandler handler = new BoilerpipeHTMLContentHandler();
            Metadata metadata = new Metadata();
            metadata.set(Metadata.CONTENT_TYPE, "text/html; charset=UTF-8");
            new JSoupParser().parse(new ByteArrayInputStream(page.bytes()), handler, metadata, new ParseContext());
            var text = handler.toTextDocument();
            extractor.process(text);
            return text.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(page.id() + ": " + e, e);
        }
    }

    /** Section 5: the pages of generators.tsv, development and held-out reported apart. */
    private void widePages(DocumentExtractor extractor) {
        line("## 5. Whole documents from eight more generators (development and held-out pages)");
        line("");
        line("Pages: `src/test/resources/extraction/generators.tsv`, French documentation of eight generators "
                + "unpacked from their Debian packages by `scripts/setup-extraction-fixtures.sh` (not installed): "
                + "DocBook XSL (debian-edu-doc-fr), Publican (debian-handbook), Asciidoctor (kicad-doc-fr), Texinfo "
                + "(lilypond-doc-html-fr), LibreOffice's help (libreoffice-help-fr), Scilab's help "
                + "(scilab-doc-fr), Sphinx (ubuntu-packaging-guide-html-fr), hand-written XHTML (linuxcnc-doc-fr). "
                + "Per generator, the files ordered by the SHA-256 of their path; the split was committed before any "
                + "result was seen: even ranks held out, odd ranks development. Only development pages were looked at "
                + "while the extractor was changed. **Reference** (`WideReference`, independent of the extractor): the "
                + "`<body>` text less the plain navigation by tag and role (nav, header, footer, aside, menu, form, "
                + "[role=navigation|banner|contentinfo|search|complementary]) and less the navigation elements of the "
                + "generator's template, named in the manifest (e.g. Texinfo's `table.nav_table`, Sphinx's sidebar, "
                + "Scilab's `div.manualnavbar`). Link lists inside the content (\"Voir aussi\", a toctree) stay in the "
                + "reference: the extractor drops them, which is counted as lost. Recall is the share of the "
                + "reference kept (the coverage measured from outside); `coverage` is what the extractor itself "
                + "reports (`extraction.coverage`); \"before\" is the recall of the same extractor without the "
                + "widening (minimum coverage 0).");
        line("");
        List<ExtractionCorpus.WidePage> pages = ExtractionCorpus.widePages();
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<Double>> recalls = new TreeMap<>();
        Map<String, List<Double>> befores = new TreeMap<>();
        Map<String, List<Double>> precisions = new TreeMap<>();
        Map<String, List<Double>> coverages = new TreeMap<>();
        Map<String, TextOverlap> pooled = new TreeMap<>();
        Map<String, java.util.Set<String>> generators = new TreeMap<>();
        Map<String, List<Double>> byGenerator = new TreeMap<>();
        for (ExtractionCorpus.WidePage page : pages) {
            String split = page.heldOut() ? "held-out" : "development";
            byte[] bytes = page.bytes();
            String name = page.html().getFileName().toString();
            ExtractedDocument doc = extractor.extract(bytes, name, null);
            String reference = page.reference();
            TextOverlap overlap = TextOverlap.of(doc.text(), reference);
            String before = HtmlMainContent.extract(parse(bytes), new HtmlMainContent.Tuning(0.65, true, 0)).text();
            double beforeRecall = TextOverlap.of(before, reference).recall();
            double coverage = ((Number) doc.metadata().get(ExtractionReport.COVERAGE)).doubleValue();
            double ms = time(() -> extractor.extract(bytes, name, null)).ms();
            recalls.computeIfAbsent(split, k -> new ArrayList<>()).add(overlap.recall());
            befores.computeIfAbsent(split, k -> new ArrayList<>()).add(beforeRecall);
            precisions.computeIfAbsent(split, k -> new ArrayList<>()).add(overlap.precision());
            coverages.computeIfAbsent(split, k -> new ArrayList<>()).add(coverage);
            pooled.merge(split, overlap, TextOverlap::plus);
            generators.computeIfAbsent(split, k -> new java.util.TreeSet<>()).add(page.generator());
            byGenerator.computeIfAbsent(page.generator() + " " + split, k -> new ArrayList<>()).add(overlap.recall());
            rows.add(List.of(page.id(), page.generator(), split, kb(bytes.length), String.valueOf(reference.length()),
                    String.valueOf(doc.text().length()), pct(overlap.precision()), pct(overlap.recall()),
                    pct(beforeRecall), String.format(Locale.ROOT, "%.3f", coverage),
                    Boolean.TRUE.equals(doc.metadata().get(ExtractionReport.WIDENED)) ? "yes" : "", ms(ms)));
        }
        table(List.of("page", "generator", "split", "size", "reference chars", "extracted chars", "precision",
                "recall", "recall before", "coverage", "widened", "ms"), rows);
        List<List<String>> summary = new ArrayList<>();
        for (String split : List.of("development", "held-out")) {
            List<Double> r = recalls.getOrDefault(split, List.of());
            summary.add(List.of(split, String.valueOf(r.size()), String.valueOf(generators.get(split).size()),
                    pct(median(r)), pct(r.stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                    String.valueOf(r.stream().filter(x -> x < 0.90).count()),
                    pct(median(befores.get(split))),
                    pct(befores.get(split).stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                    pct(pooled.get(split).precision()), pct(median(precisions.get(split))),
                    pct(precisions.get(split).stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                    String.format(Locale.ROOT, "%.3f", median(coverages.get(split)))));
        }
        line("Summary (targets on held-out pages: median recall ≥ 98 %, no page under 90 %, precision ≥ 97 %):");
        line("");
        table(List.of("split", "pages", "generators", "median recall", "lowest recall", "pages under 90 %",
                "median recall before", "lowest before", "pooled precision", "median precision", "lowest precision",
                "median self-reported coverage"), summary);
        List<Double> held = recalls.getOrDefault("held-out", List.of());
        double lowest = held.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double precision = pooled.get("held-out").precision();
        line(String.format(Locale.ROOT, "Held-out against the targets: median recall %s (target 98 %%: %s), lowest %s "
                + "(target 90 %%: %s, %d pages under), pooled precision %s (target 97 %%: %s), from %d generators.",
                pct(median(held)), gap(median(held), 0.98), pct(lowest), gap(lowest, 0.90),
                held.stream().filter(x -> x < 0.90).count(), pct(precision), gap(precision, 0.97),
                generators.get("held-out").size()));
        line("");
        List<List<String>> perGenerator = new ArrayList<>();
        byGenerator.forEach((key, values) -> perGenerator.add(List.of(key, String.valueOf(values.size()),
                pct(median(values)), pct(values.stream().mapToDouble(Double::doubleValue).min().orElse(0)))));
        line("Per generator:");
        line("");
        table(List.of("generator, split", "pages", "median recall", "lowest recall"), perGenerator);
    }

    /** Section 6: Tesseract on scanned versions of real pages, clean and degraded. */
    private void ocr(DocumentExtractor extractor) throws IOException {
        line("## 6. OCR of scanned pages (Tesseract " + command("tesseract", "--version").lines().findFirst()
                .orElse("?").replace("tesseract ", "") + ", fra+eng)");
        line("");
        line("Scans made by `scripts/setup-extraction-fixtures.sh`: the first page of a page's PDF (LibreOffice) "
                + "rendered in grey at 300 dpi by pdftoppm (PNG; JPEG and LZW TIFF for two pages; the PNG turned "
                + "into an image-only PDF by LibreOffice Draw). Reference: that PDF page's own text (pdftotext). "
                + "\"Noisy\": the clean PNG rotated by 1.5°, with Gaussian noise (σ = 40 grey levels) and 1 % "
                + "salt-and-pepper pixels, seeded (made here). **Character accuracy** = 1 − Levenshtein distance / "
                + "reference length, both texts with white space collapsed (layout is not counted), typographic "
                + "quotes as ASCII, list bullets dropped. Time: one whole `extract()` call (Tesseract as an external "
                + "process, one thread), on a shared 2-core machine.");
        line("");
        Path scans = ExtractionCorpus.FIXTURES.resolve("scans");
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<Double>> accuracy = new TreeMap<>();
        Map<String, List<Double>> seconds = new TreeMap<>();
        for (String id : List.of("news-000", "news-003", "maint-guide-first", "faq-basic-defs", "handbook-en")) {
            String reference = Files.readString(scans.resolve(id + ".txt"));
            Map<String, byte[]> variants = new LinkedHashMap<>();
            variants.put("clean PNG", read(scans.resolve(id + ".png")));
            variants.put("image-only PDF", read(scans.resolve(id + ".scan.pdf")));
            if (Files.exists(scans.resolve(id + ".jpg"))) {
                variants.put("clean JPEG", read(scans.resolve(id + ".jpg")));
            }
            if (Files.exists(scans.resolve(id + ".tif"))) {
                variants.put("clean TIFF", read(scans.resolve(id + ".tif")));
            }
            variants.put("noisy PNG", ScanNoise.degrade(read(scans.resolve(id + ".png")), 1.5, 40, 0.01, 42));
            for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
                String kind = variant.getKey();
                String name = id + (kind.contains("PDF") ? ".pdf" : kind.contains("JPEG") ? ".jpg"
                        : kind.contains("TIFF") ? ".tif" : ".png");
                long start = System.nanoTime();
                ExtractedDocument doc = extractor.extract(variant.getValue(), name, null);
                double s = (System.nanoTime() - start) / 1e9;
                double a = CharacterAccuracy.of(doc.text(), reference);
                String group = kind.startsWith("noisy") ? "noisy" : "clean";
                accuracy.computeIfAbsent(group, k -> new ArrayList<>()).add(a);
                seconds.computeIfAbsent("all", k -> new ArrayList<>()).add(s);
                rows.add(List.of(id, kind, kb(variant.getValue().length), String.valueOf(reference.length()),
                        pct(a), String.format(Locale.ROOT, "%.1f", s), doc.language()));
            }
        }
        table(List.of("page", "scan", "size", "reference chars", "character accuracy", "s", "language"), rows);
        List<Double> all = seconds.get("all");
        List<Double> sorted = new ArrayList<>(all);
        sorted.sort(Double::compare);
        table(List.of("scans", "files", "median character accuracy", "lowest", "target"), List.of(
                List.of("clean 300 dpi", String.valueOf(accuracy.get("clean").size()), pct(median(accuracy.get("clean"))),
                        pct(accuracy.get("clean").stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                        "≥ 95 %"),
                List.of("noisy, rotated", String.valueOf(accuracy.get("noisy").size()),
                        pct(median(accuracy.get("noisy"))),
                        pct(accuracy.get("noisy").stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                        "≥ 90 %")));
        line(String.format(Locale.ROOT, "Seconds per page (one page per file): p50 %.1f, p90 %.1f, max %.1f.",
                median(all), sorted.get((int) Math.floor(0.9 * (sorted.size() - 1))), sorted.get(sorted.size() - 1)));
        line("");
    }

    private static String gap(double value, double target) {
        return value >= target ? "met" : String.format(Locale.ROOT, "missed by %.1f points", (target - value) * 100);
    }

    private static Document parse(byte[] bytes) {
        String source = new String(bytes, StandardCharsets.UTF_8);
        return source.startsWith("<?xml") ? Jsoup.parse(source, "", Parser.xmlParser()) : Jsoup.parse(source);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private record Timed<T>(T value, double ms) {
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> Timed<T> time(Call<T> call) {
        try {
            T value = null;
            for (int i = 0; i < WARM_UP; i++) {
                value = call.call();
            }
            double[] times = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                value = call.call();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            return new Timed<>(value, times[RUNS / 2]);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
        line("");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String fixtureVersions() {
        Path versions = ExtractionCorpus.FIXTURES.resolve("versions.txt");
        if (!Files.isRegularFile(versions)) {
            return "unknown";
        }
        return String.join(", ", ExtractionCorpus.read(versions).strip().split("\n"));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return ManagementFactory.getOperatingSystemMXBean().getArch();
    }

    private static String command(String... args) {
        try {
            Process process = new ProcessBuilder(args).directory(ExtractionCorpus.ROOT.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
