package io.wem.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's chromium, headless, through its chromedriver), signed in through Keycloak's
 * own login page as each kind of user, against the running stack. Every page visited is checked with axe-core (served
 * from the npm package ./wem fetches into .wem/npm) and photographed into docs/console/.
 */
@Timeout(value = 240)
class ConsoleBrowserIT {

    static final String CONSOLE = System.getProperty("wem.console.url", "http://127.0.0.1:8085");
    static final Path SHOTS = Stack.root().resolve("docs/console");
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    static String axe;
    WebDriver driver;
    final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void browserAndAxe() throws IOException {
        Path axePath = Path.of(System.getProperty("wem.axe.path",
                Stack.root().resolve(".wem/npm/node_modules/axe-core/axe.min.js").toString()));
        assertTrue(Files.isReadable(axePath), "axe-core missing at " + axePath + ": ./wem fetches it (ensure_browser)");
        axe = Files.readString(axePath);
        // The system chromedriver, never Selenium Manager (no downloads while testing).
        System.setProperty("webdriver.chrome.driver", System.getProperty("wem.chromedriver", "/usr/bin/chromedriver"));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @DisplayName("each kind of user signs in through Keycloak and sees their own menu; sign-out ends the session")
    void eachKindOfUserSignsIn() {
        Map<String, List<String>> menus = Map.of(
                "agent1", List.of("My plan", "My behaviors", "Who can see my data"),
                "supervisor1", List.of("Inbox"),
                "coach1", List.of("Inbox", "Playbook effectiveness"),
                "ciso1", List.of("Audit log", "Retention compliance"));
        for (var e : menus.entrySet()) {
            signIn(e.getKey());
            assertEquals(e.getKey(), driver.findElement(By.id("user")).getText());
            String nav = driver.findElement(By.cssSelector("nav")).getText();
            for (String item : e.getValue()) {
                assertTrue(nav.contains(item), e.getKey() + "'s menu lacks " + item + ": " + nav);
            }
            check("home-" + e.getKey());
            driver.findElement(By.linkText("Sign out")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/logged-out"));
            check("logged-out");
            driver.get(CONSOLE + "/");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("username")).size() == 1);
            driver.quit();
            driver = null;
        }
        assertNoViolations();
    }

    @Test
    @DisplayName("agent1 sees their supervisor and coach by name, not another team's, and gets a 403 page for agent2")
    void agentSeesWhoCanSeeTheirData() {
        signIn("agent1");
        driver.get(CONSOLE + "/me/visibility");
        String people = driver.findElement(By.id("people")).getText();
        assertTrue(people.contains("supervisor1"), people);
        assertTrue(people.contains("coach1"), people);
        assertFalse(people.contains("supervisor2"), "team-south's supervisor listed for agent1: " + people);
        check("who-can-see-my-data");
        driver.get(CONSOLE + "/me/plan");
        check("my-plan");
        driver.get(CONSOLE + "/me/behaviors");
        check("my-behaviors");
        driver.get(CONSOLE + "/me/data");
        String held = driver.findElement(By.id("my-data")).getText();
        assertFalse(held.contains("Could not be read"), "a service refused the agent's own data: " + held);
        assertTrue(held.contains("recorded access"), held);
        check("my-data");
        driver.get(CONSOLE + "/me/wellbeing");
        assertEquals(200, statusOf("/me/wellbeing"));
        assertEquals(1, driver.findElements(By.id("wellbeing")).size(), "no wellbeing shown");
        check("my-wellbeing");
        // A contest of a monitoring event wellbeing does not hold: refused in place, the statement kept for a retry.
        String unknownEvent = RunIds.next("mon");
        driver.findElement(By.id("subjectId")).sendKeys(unknownEvent);
        driver.findElement(By.id("statement")).sendKeys("Typed before the refusal");
        String contestRefused = submitInPlace(driver.findElement(By.xpath("//button[normalize-space()='Send contest']")));
        assertTrue(contestRefused.contains("monitoring event " + unknownEvent), contestRefused);
        assertEquals("Typed before the refusal", driver.findElement(By.id("statement")).getDomProperty("value"),
                "the statement typed before the refusal was lost");
        driver.get(CONSOLE + "/agents/agent-north-02/behaviors");
        String error = driver.findElement(By.id("error")).getText();
        assertTrue(error.startsWith("You are not allowed"), error);
        assertTrue(driver.findElements(By.id("behaviors")).isEmpty(), "a teammate's data was shown");
        assertEquals(403, statusOf("/agents/agent-north-02/behaviors"));
        check("teammate-403");
        assertNoViolations();
    }

    @Test
    @DisplayName("coach1 completes an intervention through the pages, each move updating the page in place; a stale"
            + " move shows coaching-service's reason there, read out to screen readers")
    void coachCompletesAnIntervention() {
        String agent = "agent-north-01";
        String gapId = RunIds.next("gap");
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            KafkaTool.send(producer, Gaps.TOPIC, agent, Gaps.skillGapEnvelope(Gaps.newEnvelopeId(), gapId, agent,
                    "team-north"));
        }
        AccessToken coach = Tokens.user("coach1");
        JsonNode mine = await("coach1's intervention for " + gapId).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    for (JsonNode n : JsonTree.parse(WemService.COACHING.as(coach).get("/api/v1/interventions")
                            .then().statusCode(200).extract().asString())) {
                        if (gapId.equals(n.path("gapId").asText()) && "ASSIGNED".equals(n.path("state").asText())) {
                            return n;
                        }
                    }
                    return null;
                }, n -> n != null);
        String id = mine.path("id").asText();

        signIn("coach1");
        driver.get(CONSOLE + "/inbox");
        check("inbox");
        clickAndWait(driver.findElement(By.cssSelector("a[href='/inbox/" + id + "']")));
        assertEquals("ASSIGNED", driver.findElement(By.id("state")).getText());
        check("intervention");
        // Someone else schedules it meanwhile: the page still offers "Schedule", and coaching-service refuses it.
        WemService.COACHING.as(coach).contentType("application/json").body(Map.of("to", "SCHEDULED"))
                .post("/api/v1/interventions/{id}/transitions", id).then().statusCode(200);
        // The moves are partial updates (console.js): the region is replaced, the page stays.
        driver.findElement(By.id("note")).sendKeys("Typed before the refusal");
        String announced = submitInPlace(button("SCHEDULED"));
        String refused = driver.findElement(By.id("refused")).getText();
        assertTrue(refused.startsWith("coaching-service refused the change"), refused);
        assertTrue(refused.contains("SCHEDULED"), refused);
        assertEquals(refused, announced, "the refusal is not what the live region read out");
        assertEquals("SCHEDULED", driver.findElement(By.id("state")).getText());
        assertEquals("Typed before the refusal", driver.findElement(By.id("note")).getDomProperty("value"),
                "the note typed before the refusal was lost");
        check("intervention-refused");
        driver.findElement(By.id("note")).clear();
        assertEquals("Done: IN_PROGRESS.", submitInPlace(button("IN_PROGRESS")));
        assertEquals("IN_PROGRESS", driver.findElement(By.id("state")).getText());
        driver.findElement(By.id("note")).sendKeys("Two example calls replayed with the agent");
        submitInPlace(button("COMPLETED"));
        String state = driver.findElement(By.id("state")).getText();
        assertTrue(List.of("COMPLETED", "FOLLOW_UP").contains(state), state);
        driver.get(CONSOLE + "/playbooks");
        assertTrue(driver.findElements(By.cssSelector("#playbooks tbody tr")).size() > 0, "no playbooks listed");
        check("playbooks");
        driver.get(CONSOLE + "/teams");
        clickAndWait(driver.findElement(By.cssSelector("a[href='/teams/team-north']")));
        assertEquals(200, statusOf("/teams/team-north"));
        assertTrue(driver.findElements(By.id("gaps")).size() + driver.findElements(By.xpath(
                "//p[normalize-space()='No open gap.']")).size() == 1, "team-north's gaps neither listed nor said none");
        check("team");
        String after = WemService.COACHING.as(coach).get("/api/v1/interventions/{id}", id).then().statusCode(200)
                .extract().path("state");
        assertEquals(state, after, "the page shows what coaching-service holds");
        assertNoViolations();
    }

    @Test
    @DisplayName("ciso1 verifies the audit chain and downloads the retention compliance report as CSV")
    void cisoVerifiesAndDownloads() throws Exception {
        signIn("ciso1");
        driver.get(CONSOLE + "/ciso/audit");
        check("audit");
        clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Verify the chain now']")));
        String verification = driver.findElement(By.id("verification")).getText();
        assertTrue(verification.startsWith("The chain is intact"), verification);
        check("audit-verified");
        driver.get(CONSOLE + "/ciso/compliance");
        assertTrue(driver.findElements(By.cssSelector("#compliance tbody tr")).size() > 0, "empty compliance table");
        check("compliance");
        // The download with the browser's own session (headless chromium saves files silently).
        HttpResponse<String> csv = withSession("/ciso/compliance.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").startsWith("attachment"));
        assertTrue(csv.body().startsWith("service,dataClass,window,"), csv.body());
        assertTrue(csv.body().lines().count() > 1, csv.body());
        driver.get(CONSOLE + "/ciso/audit");
        driver.findElement(By.id("subject")).sendKeys("agent-north-01");
        clickAndWait(driver.findElement(By.xpath("//button[normalize-space()='Search']")));
        assertTrue(driver.findElements(By.cssSelector("#audit-events tbody tr")).size() > 0,
                "no audit entry about agent-north-01");
        check("audit-search");
        // governance signs a checkpoint every so many entries: when its own export carries one, the console's must too
        // (asked first: checkpoints only ever move forward).
        boolean signed = WemService.GOVERNANCE.as(Tokens.user("ciso1")).get("/api/v1/audit/export?format=csv")
                .then().statusCode(200).extract().header("X-Audit-Checkpoint") != null;
        HttpResponse<String> audit = withSession("/ciso/audit.csv?subject=agent-north-01");
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().startsWith("sequence,auditId,"), audit.body());
        assertTrue(!signed || audit.headers().firstValue("x-audit-checkpoint").isPresent(),
                "governance's signed checkpoint was dropped from the export");
        for (String page : List.of("access", "access/matrix", "retention", "holds", "approvals")) {
            driver.get(CONSOLE + "/ciso/" + page);
            assertEquals(200, statusOf("/ciso/" + page), page);
            if (page.equals("access")) {
                assertTrue(driver.findElements(By.cssSelector("#accounts tbody tr")).size() > 1, "no accounts listed");
            }
            check(page.replace('/', '-'));
        }
        driver.get(CONSOLE + "/ciso/access/matrix");
        String roles = driver.findElement(By.id("roles")).getText();
        String endpoints = driver.findElement(By.id("endpoints")).getText();
        assertTrue(roles.contains("ciso1"), "the matrix does not name ciso1 under its role: " + roles);
        assertTrue(endpoints.contains("/api/v1/audit/events"), endpoints);
        HttpResponse<String> access = withSession("/ciso/access.csv");
        assertEquals(200, access.statusCode());
        assertTrue(access.body().startsWith("account,enabled,roles,groups,lastLogin,findings"), access.body());
        assertTrue(access.body().contains("\nciso1,true,"), access.body());
        HttpResponse<String> matrix = withSession("/ciso/access/matrix.csv");
        assertEquals(200, matrix.statusCode());
        assertTrue(matrix.body().contains("governance-service,GET,/api/v1/audit/events,"), matrix.body());
        assertNoViolations();
    }

    @Test
    @DisplayName("govadmin1 places a legal hold and proposes its release, and proposes a shorter window; ciso1 approves"
            + " the release and rejects the window; supervisor1 approves an automated action in the review queue")
    void changesThroughThePages() throws Exception {
        String caseReference = RunIds.next("CASE");
        String heldAgent = RunIds.agent("team-north", "held");
        signIn("govadmin1");
        driver.get(CONSOLE + "/ciso/holds");
        driver.findElement(By.id("caseReference")).sendKeys(caseReference);
        driver.findElement(By.id("reason")).sendKeys("Browser test: an employment tribunal claim");
        driver.findElement(By.id("agentIds")).sendKeys(heldAgent);
        submitInPlace(driver.findElement(By.xpath("//button[normalize-space()='Place the hold']")));
        assertTrue(driver.findElement(By.id("done")).getText().startsWith("The legal hold is placed"),
                driver.findElement(By.tagName("main")).getText());
        assertEquals("", driver.findElement(By.id("caseReference")).getDomProperty("value"), "the form kept the hold");
        WebElement hold = driver.findElement(By.xpath("//table[@id='holds']//tr[th[normalize-space()='"
                + caseReference + "']]"));
        assertTrue(hold.getText().contains(heldAgent), hold.getText());
        check("holds-placed");
        submitInPlace(hold.findElement(By.xpath(".//button[normalize-space()='Propose release']")));
        assertTrue(driver.findElement(By.id("done")).getText().startsWith("The release is proposed"),
                driver.findElement(By.tagName("main")).getText());
        // A shorter transcript window, at its floor (30 days), keeping the basis and owner: proposed, never applied
        // here (ciso1 rejects it below), or already in force (then nothing changes).
        JsonNode transcript = null;
        for (JsonNode p : JsonTree.parse(WemService.GOVERNANCE.as(Tokens.user("govadmin1"))
                .get("/api/v1/retention/policies").then().statusCode(200).extract().asString())) {
            transcript = "transcript".equals(p.path("dataClass").asText()) ? p : transcript;
        }
        assertTrue(transcript != null, "no transcript policy");
        driver.get(CONSOLE + "/ciso/retention");
        new Select(driver.findElement(By.id("dataClass"))).selectByValue("transcript");
        driver.findElement(By.id("window")).sendKeys("P30D");
        driver.findElement(By.id("legalBasis")).sendKeys(transcript.path("legalBasis").asText());
        driver.findElement(By.id("owner")).sendKeys(transcript.path("owner").asText());
        submitInPlace(driver.findElement(By.xpath("//button[normalize-space()='Change or propose']")));
        String windowDone = driver.findElement(By.id("done")).getText();
        boolean proposed = !"P30D".equals(transcript.path("window").asText());
        assertTrue(windowDone.startsWith(proposed ? "The shorter window is proposed" : "The policy is changed"),
                windowDone);
        check("retention-proposed");
        driver.quit();
        driver = null;

        signIn("ciso1");
        driver.get(CONSOLE + "/ciso/approvals");
        submitInPlace(driver.findElement(By.xpath("//section[.//h2[contains(., '" + caseReference + "')]]"
                + "//button[normalize-space()='Approve']")));
        assertEquals("Done: approve.", driver.findElement(By.id("done")).getText());
        if (proposed) {
            WebElement shorter = driver.findElement(By.xpath("(//section[.//h2[contains(., 'retention window of "
                    + "transcript') and contains(., 'to P30D')] and .//button[normalize-space()='Reject']])[1]"));
            shorter.findElement(By.cssSelector("input[name='reason']")).sendKeys("Browser test: keep the window");
            submitInPlace(shorter.findElement(By.xpath(".//button[normalize-space()='Reject']")));
            assertEquals("Done: reject.", driver.findElement(By.id("done")).getText());
        }
        check("approvals-decided");
        driver.get(CONSOLE + "/ciso/holds");
        String released = driver.findElement(By.xpath("//table[@id='holds']//tr[th[normalize-space()='"
                + caseReference + "']]")).getText();
        assertTrue(released.contains("released") && released.contains("ciso1"), released);
        driver.quit();
        driver = null;

        // An automated score for a new agent of team-north: the team's policy holds it for a supervisor.
        String scored = RunIds.agent("team-north", "scored");
        String decision = WemService.WELLBEING.as(Tokens.user("supervisor1")).contentType("application/json")
                .body(Map.of("agentId", scored, "teamId", "team-north", "actionKind", "AUTOMATED_SCORE",
                        "requester", "console-browser-test", "automated", true, "reference", RunIds.next("score")))
                .post("/api/v1/guardrails/evaluations").then().statusCode(200).extract().path("decision");
        assertEquals("REQUIRE_HUMAN_REVIEW", decision);
        signIn("supervisor1");
        driver.get(CONSOLE + "/teams/team-north/reviews");
        WebElement item = driver.findElement(By.xpath("//section[.//h2[contains(., '" + scored + "')]]"));
        item.findElement(By.tagName("textarea")).sendKeys("Browser test: the score matches the calls");
        submitInPlace(item.findElement(By.xpath(".//button[normalize-space()='Approve the action']")));
        assertEquals("Recorded: approved.", driver.findElement(By.id("done")).getText());
        check("reviews");
        driver.get(CONSOLE + "/teams/team-north/reviews?status=ALL");
        String decided = driver.findElement(By.xpath("//section[.//h2[contains(., '" + scored + "')]]")).getText();
        assertTrue(decided.contains("APPROVED") && decided.contains("supervisor1"), decided);
        assertNoViolations();
    }

    // ------------------------------------------------------------------------------------------------------------

    private void signIn(String username) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("wem.chromium", "/usr/bin/chromium"));
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("wem-chromium-").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver"))).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.get(CONSOLE + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.id("username")).size() == 1);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(SystemTestConfig.userPassword());
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(CONSOLE) && d.findElements(By.id("user")).size() == 1);
    }

    /**
     * Clicks a link or a form's button and waits for the next page: a click returns before the browser has replaced
     * the document, and reading the old page (or none) in between made the test flaky.
     */
    private void clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Clicks a button of a form marked data-partial and waits until console.js reads the outcome out (the live region
     * #announce): the page must stay, only its #region is replaced. Without the script (or with it blocked) the click
     * would load a new page, and this fails.
     */
    private String submitInPlace(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement region = driver.findElement(By.id("region"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('announce').textContent = '';");
        button.click();
        String announced = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            if (ExpectedConditions.stalenessOf(page).apply(d)) {
                return "the page was reloaded";
            }
            String text = d.findElement(By.id("announce")).getDomProperty("textContent");
            return text == null || text.isBlank() ? null : text;
        });
        assertFalse(ExpectedConditions.stalenessOf(page).apply(driver), "a new page was loaded: no partial update");
        assertTrue(ExpectedConditions.stalenessOf(region).apply(driver), "the region was not replaced");
        return announced;
    }

    private WebElement button(String to) {
        return driver.findElement(By.cssSelector("button[name='to'][value='" + to + "']"));
    }

    /** axe-core on the current page (its violations are collected), then a screenshot into docs/console/. */
    private void check(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));", AXE_TAGS);
        if (result instanceof List<?> list) {
            for (Object v : list) {
                accessibility.add(name + ": " + v);
            }
        }
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    private void assertNoViolations() {
        assertTrue(accessibility.isEmpty(), "accessibility (axe-core " + AXE_TAGS + "):\n"
                + String.join("\n", accessibility));
    }

    private int statusOf(String path) {
        try {
            return withSession(path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same request with the browser's cookies: what the browser gets, with its status and headers. */
    private HttpResponse<String> withSession(String path) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(CONSOLE + path)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(20)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
