package io.semsearch.chat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.semsearch.extraction.BadFiles;
import io.semsearch.ingest.FolderIndexer;
import io.semsearch.testing.TestData;
import io.semsearch.testing.TestKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat page in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/setup-browser.sh), against the service with the sample articles: a question gets a streamed, cited
 * answer under its short answer; a citation opens its passage with the quoted sentence (or the short answer's span)
 * highlighted; follow-ups send the conversation; abstentions are said plainly; the API key is sent when set; the page
 * fits a phone; the indexing page shows a folder sync. Screenshots go to target/screenshots/.
 */
@QuarkusTest
class ChatPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path profile;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @TestHTTPResource("/")
    URI page;

    @Inject
    FolderIndexer folders;

    @Inject
    TestData testData;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its driver are missing: run scripts/setup-browser.sh (scripts/setup.sh does)");
        profile = Files.createTempDirectory("semsearch-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=fr-FR");
        // the driver is given: Selenium Manager, which would download one, is never asked
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void thePageAndItsFilesCarryASecurityPolicyTheBrowserEnforces() {
        for (String path : List.of("/", "/index.html", "/chat.js", "/chat.css", "/ingest.html", "/ingest.js")) {
            RestAssured.given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                            containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY");
        }
        TestKeys.asAdmin().when().get("/api/documents").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");

        browser.get(page.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea, input[type=text]")));
        Object ran = browser.executeScript("const s = document.createElement('script');"
                + " s.textContent = 'window.inlineRan = true;'; document.head.appendChild(s);"
                + " return window.inlineRan === true;");
        assertEquals(Boolean.FALSE, ran, "an inline script is refused by the page's policy");
    }

    @Test
    void aQuestionGetsACitedAnswerWhoseCitationOpensItsHighlightedPassage() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(page.toString());
        assertEquals("Questions sur les documents", browser.getTitle());
        recordRequests();
        String readerKey = TestKeys.createKey("reader");
        setApiKey(readerKey);

        ask("Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?");
        WebElement answer = awaitAnswer(1);
        String text = answer.findElement(By.cssSelector(".answer-text")).getText();
        assertTrue(text.contains("650 millions de dollars"), text);
        List<WebElement> markers = answer.findElements(By.cssSelector(".answer-text button.marker"));
        assertFalse(markers.isEmpty(), "the answer's [n] markers are buttons");
        assertEquals("[1]", markers.get(0).getText());

        markers.get(0).click();
        WebElement passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passage")));
        String highlighted = passage.findElement(By.cssSelector("#passage-text mark")).getText();
        assertTrue(highlighted.length() > 20, highlighted);
        assertTrue(text.contains(highlighted.strip() + " [1]"), "the answer quotes the highlighted sentence");
        assertTrue(highlighted.contains("650 millions"), highlighted);
        assertTrue(passage.findElement(By.id("passage-source")).getText().matches("\\d{3}_\\p{XDigit}{16}\\.txt · .*"),
                passage.findElement(By.id("passage-source")).getText());
        assertFalse(passage.findElement(By.id("passage-title")).getText().isBlank());
        assertEquals("true", markers.get(0).getAttribute("aria-pressed"));

        WebElement shortAnswer = answer.findElement(By.cssSelector(".short-answer"));
        String fact = shortAnswer.findElement(By.cssSelector("strong")).getText();
        assertTrue(fact.contains("650 millions"), fact);
        assertTrue(shortAnswer.getLocation().getY() < answer.findElement(By.cssSelector(".answer-text")).getLocation()
                .getY(), "the short answer is above the answer text");
        shortAnswer.findElement(By.cssSelector("button.marker")).click();
        wait.until(d -> fact.equals(d.findElement(By.cssSelector("#passage-text mark")).getText()));
        screenshot("chat-page.png");

        Map<String, Object> first = sentRequest(0);
        assertEquals("Bearer " + readerKey, ((Map<String, Object>) first.get("headers")).get("Authorization"));
        assertEquals("text/event-stream", ((Map<String, Object>) first.get("headers")).get("Accept"));

        ask("Et combien l’entreprise a-t-elle payé en tout ?");
        awaitTurn(2);
        String followUp = (String) sentRequest(1).get("body");
        assertTrue(followUp.contains("\"history\":[{\"role\":\"user\",\"content\":\"Combien Microsoft a-t-il payé pour "
                + "recruter l’équipe d’Inflection ?\"},{\"role\":\"assistant\",\"content\":\""), followUp);

        // a new conversation: otherwise the earlier question would be searched with this one, as a follow-up
        browser.findElement(By.id("reset")).click();
        assertTrue(browser.findElements(By.cssSelector("#turns li")).isEmpty());
        ask("Quelle est la recette de la tarte aux pommes ?");
        WebElement abstention = awaitTurn(1);
        assertTrue(sentRequest(2).get("body").toString().equals(
                "{\"question\":\"Quelle est la recette de la tarte aux pommes ?\"}"), sentRequest(2).toString());
        assertTrue(abstention.getAttribute("class").contains("abstained"), abstention.getAttribute("class"));
        assertTrue(abstention.getText().startsWith("Pas de réponse : Nothing relevant found"), abstention.getText());
    }

    @Test
    void thePageFitsAPhoneAndShowsErrorsPlainly() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page.toString());
        ask("Que demande Google à la FTC ?");
        WebElement answer = awaitAnswer(1);
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow.intValue(), "no horizontal scrolling at phone width");
        answer.findElement(By.cssSelector(".answer-text button.marker")).click();
        WebElement passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passage")));
        assertFalse(passage.findElement(By.cssSelector("#passage-text mark")).getText().isBlank());
        screenshot("chat-page-phone.png");
        passage.findElement(By.id("passage-close")).click();
        wait.until(ExpectedConditions.invisibilityOf(passage));

        // a question the API refuses (over 2,000 characters, past the text area's own limit) is shown as its problem
        browser.executeScript("document.getElementById('question').removeAttribute('maxlength');");
        ask("x".repeat(2001));
        WebElement failed = awaitTurn(2);
        assertTrue(failed.getAttribute("class").contains("failed"), failed.getAttribute("class"));
        assertTrue(failed.getText().startsWith("Invalid request : question:"), failed.getText());
    }

    @Test
    void thumbsDownWithACommentIsStoredWithTheAnswer() throws IOException {
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(page.toString());
        ask("Que demande Google à la FTC ?");
        WebElement answer = awaitAnswer(1);
        WebElement down = answer.findElement(By.cssSelector(".feedback button.rate.down"));
        assertEquals("Mauvaise réponse", down.getAttribute("aria-label"));
        down.click();
        wait.until(d -> "true".equals(down.getAttribute("aria-pressed")));
        assertEquals("Merci pour votre avis.", answer.findElement(By.cssSelector(".feedback-state")).getText());
        WebElement comment = answer.findElement(By.cssSelector(".feedback-comment input"));
        comment.sendKeys("Il manque la date de la demande.", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".feedback-state"), "Merci, commentaire enregistré."));
        screenshot("chat-page-feedback.png");

        List<String> lines = TestKeys.asAdmin().when().get("/api/feedback/export?since=" + since)
                .then().statusCode(200).extract().asString().lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"question\":\"Que demande Google à la FTC ?\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"rating\":\"down\",\"comment\":\"Il manque la date de la demande.\""),
                lines.get(0));
    }

    @Test
    void theIndexingPageShowsAFinishedFolderSyncWithItsFailedFile() throws IOException {
        Path folder = Files.createTempDirectory("semsearch-sync-page-");
        try {
            Files.writeString(folder.resolve("phare.txt"), "Le phare de Kerbrat a été allumé en 1872. Sa lanterne "
                    + "porte à quarante-deux kilomètres par temps clair.");
            Files.write(folder.resolve("abime.pdf"), BadFiles.corruptPdf());
            folders.sync(folder);

            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(page.resolve("/ingest.html").toString());
            setApiKey(TestKeys.createKey("writer"), "/ingest.html");
            WebElement job = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#finished li.job")));
            String text = job.getText();
            assertTrue(text.startsWith("Dossier " + folder.toAbsolutePath().normalize()), text);
            assertTrue(text.contains("2 / 2 fichiers · 1 passage ·"), text);
            assertTrue(text.contains("1 fichier en échec"), text);
            assertTrue(job.findElement(By.cssSelector(".failures li")).getText().startsWith("abime.pdf : Corrupt"),
                    text);
            screenshot("ingest-page.png");
        } finally {
            testData.restore();
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void ask(String question) {
        WebElement box = browser.findElement(By.id("question"));
        wait.until(d -> !Boolean.parseBoolean(box.getAttribute("readOnly")));
        browser.executeScript("arguments[0].value = arguments[1];", box, question);
        box.sendKeys(Keys.END, Keys.ENTER);
    }

    /** The n-th assistant turn once it is complete (answered, abstained or failed). */
    private WebElement awaitTurn(int n) {
        By turn = By.cssSelector("#turns li.turn.assistant:nth-of-type(" + (2 * n) + ")");
        wait.until(d -> {
            List<WebElement> found = d.findElements(turn);
            return !found.isEmpty() && found.get(0).findElements(By.cssSelector(".status")).isEmpty();
        });
        return browser.findElement(turn);
    }

    /** The n-th assistant turn, which must be an answer with its sources listed. */
    private WebElement awaitAnswer(int n) {
        WebElement turn = awaitTurn(n);
        assertFalse(turn.findElements(By.cssSelector(".sources li")).isEmpty(), turn.getText());
        return turn;
    }

    /** Sets the key as the chat page does, then comes back to {@code path} if it is another page. */
    private void setApiKey(String key, String path) {
        browser.get(page.toString());
        setApiKey(key);
        browser.get(page.resolve(path).toString());
    }

    private void setApiKey(String key) {
        browser.findElement(By.cssSelector("#settings summary")).click();
        WebElement field = browser.findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(key, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("key-state"), "Clé enregistrée."));
        assertEquals(key, browser.executeScript("return localStorage.getItem('semsearch.apiKey');"));
        browser.findElement(By.cssSelector("#settings summary")).click();
    }

    /** Keeps, in the page, what each fetch sends: its headers and body. */
    private void recordRequests() {
        browser.executeScript("""
                window.sentRequests = [];
                const fetchFirst = window.fetch;
                window.fetch = (url, options) => {
                  window.sentRequests.push({url: String(url), headers: options.headers, body: options.body});
                  return fetchFirst(url, options);
                };""");
    }

    private Map<String, Object> sentRequest(int i) {
        return (Map<String, Object>) browser.executeScript("return window.sentRequests[arguments[0]];", i);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
