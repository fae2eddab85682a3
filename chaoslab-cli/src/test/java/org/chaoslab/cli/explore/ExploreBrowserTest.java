package org.chaoslab.cli.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.chaoslab.cli.CliRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The explorer's page in a real browser: Playwright driving Debian's chromium (never a downloaded browser; the tests
 * are skipped, saying why, only when no chromium is installed — {@code apt-get install -y chromium}, as .ci/run does).
 * Moving g across 1 changes the phase label and the theory line, and the simulated ⟨x²⟩ follows (decays below 1,
 * fluctuates at the DMFT level above); a bad value shows the CLI's message next to its control; two tabs run their own
 * networks. Screenshots of every state go to target/explore-screenshots (kept as artifacts).
 */
class ExploreBrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "explore-screenshots");
    private static Path chromium;
    private static ExploreServer server;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;

    @BeforeAll
    static void start() throws Exception {
        chromium = findChromium();
        assumeTrue(chromium != null, "no chromium on this machine (looked for /usr/bin/chromium and chromium, chromium-browser "
                + "on PATH): the browser tests are skipped; apt-get install -y chromium runs them");
        Files.createDirectories(SCREENSHOTS);
        Map<String, String> small = new java.util.LinkedHashMap<>(ExploreServer.defaults());
        small.put("n", "300");
        server = ExploreServer.start("127.0.0.1", 0, 4, 1, Map.of("rate", small, "balanced", ExploreServerTest.smallBalanced(),
                "deep", ExploreServerTest.smallDeep(), "kernel", ExploreServerTest.smallKernel()));
        // the driver must not fetch browsers: the machine's chromium is used (executablePath)
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setAcceptDownloads(true));
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private static Path findChromium() {
        for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private Page open() {
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        page.waitForFunction("() => window.explore && window.explore.theory && window.explore.frames > 2");
        return page;
    }

    private static double number(Page page, String js) {
        return ((Number) page.evaluate(js)).doubleValue();
    }

    /** Waits until the simulation has run {@code span} time units past {@code from}. */
    private static void runFor(Page page, double from, double span) {
        page.waitForFunction("t => window.explore.time > t", from + span, new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    @Test
    void movingGAcrossOneChangesThePhaseTheTheoryLineAndTheSimulatedMeanSquare() {
        Page page = open();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rate-start.png")).setFullPage(true));

        // below the transition: fixed point, the DMFT level 0, <x^2> decays (at least like e^{-2(1-g)t})
        page.locator("#g-slider").fill("0.5");
        page.waitForFunction("() => document.getElementById('phase').textContent === 'fixed-point'");
        assertThat(page.locator("#gc").textContent()).isEqualTo("1.000");
        assertThat(number(page, "window.explore.theory.meanSquare")).isEqualTo(0.0);
        double t0 = number(page, "window.explore.time");
        runFor(page, t0, 12);
        double decayed = number(page, "window.explore.meanSquare[window.explore.meanSquare.length - 1]");
        assertThat(decayed).as("<x^2> 12 time units after g = 0.5").isLessThan(1e-3);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rate-g0.5-fixed-point.png")).setFullPage(true));

        // above: chaotic, the DMFT level Delta0 > 0, <x^2> rises to it and fluctuates about it
        page.locator("#g-slider").fill("2");
        page.waitForFunction("() => document.getElementById('phase').textContent === 'chaotic'");
        double level = number(page, "window.explore.theory.meanSquare");
        assertThat(level).as("DMFT <x^2> at g = 2, tanh").isBetween(0.5, 3.0);
        assertThat(number(page, "window.explore.theory.lambdaMax")).isPositive();
        double t1 = number(page, "window.explore.time");
        runFor(page, t1, 25);
        @SuppressWarnings("unchecked")
        List<Number> ms = (List<Number>) page.evaluate("window.explore.meanSquare.slice(-50)");   // the last 10 time units
        double mean = ms.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
        double spread = ms.stream().mapToDouble(Number::doubleValue).max().orElseThrow()
                - ms.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
        // N = 300: <x^2> fluctuates by O(1/sqrt(N)) relative about Delta0; within 40 % of it over 10 time units
        assertThat(mean).as("time average of <x^2> at g = 2 against the DMFT %s", level).isBetween(0.6 * level, 1.4 * level);
        assertThat(spread).as("<x^2> fluctuates").isGreaterThan(1e-4);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rate-g2-chaotic.png")).setFullPage(true));

        // the export downloads the zip of the view
        Download download = page.waitForDownload(() -> page.locator("#export").click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).isEqualTo("chaoslab-explore-rate.zip");
    }

    @Test
    void aBadValueShowsTheCommandLinesMessageNextToItsControl() {
        String cliMessage = CliRunner.run("dmft", "scs", "--g", "-1").err().strip().replaceFirst("^chaoslab: error: ", "");
        Page page = open();
        page.locator("#g").fill("-1");
        page.waitForFunction("() => document.getElementById('msg-g').textContent.length > 0");
        assertThat(page.locator("#msg-g").textContent()).isEqualTo(cliMessage);
        assertThat(page.locator("#g").getAttribute("class")).contains("bad");
        page.locator("#g").fill("1.3");
        page.locator("#phi").fill("cosh");
        page.waitForFunction("() => document.getElementById('msg-phi').textContent.length > 0");
        assertThat(page.locator("#msg-g").textContent()).as("g is valid again").isEmpty();
        assertThat(page.locator("#msg-phi").textContent()).startsWith("phi must be one of");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("rate-bad-values.png")).setFullPage(true));
        // corrected, the messages go and the network runs with the new value
        page.locator("#phi").fill("tanh");
        // (an "accepted" for g = 1.3 may have come before "cosh" was typed: wait for the messages to go)
        page.waitForFunction("() => window.explore.accepted && Number(window.explore.accepted.g) === 1.3"
                + " && document.getElementById('msg-phi').textContent === ''");
        assertThat(page.locator("#msg-g").textContent()).isEmpty();
        assertThat(page.locator("#msg-phi").textContent()).isEmpty();
    }

    /** Opens a view's page and waits until it has its theory and {@code frames} frames (deep: simulations). */
    private Page openView(String view, int frames) {
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + server.port() + "/" + view + ".html");
        page.waitForFunction("() => window.explore && window.explore.view === '" + view + "' && window.explore.theory "
                + "&& window.explore.frames >= " + frames, null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        return page;
    }

    @Test
    void theBalancedViewFollowsM0WithTheMeanFieldBesideIt() {
        Page page = openView("balanced", 3);
        assertThat(page.locator("#nav-balanced").getAttribute("class")).isEqualTo("current");
        assertThat(page.locator("#nav-rate").getAttribute("href")).isEqualTo("/");
        double mE = number(page, "window.explore.theory.rateE");
        runFor(page, number(page, "window.explore.time"), 8);
        assertThat(number(page, "window.explore.raster.t.length")).as("raster events").isPositive();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("balanced-m0-0.2.png")).setFullPage(true));

        // a stronger drive: the mean field's m_E rises, the running network follows it (balance: m grows with m0)
        page.locator("#m0-slider").fill("0.4");
        page.waitForFunction("() => window.explore.theory && window.explore.theory.m0 === 0.4 && !window.explore.theoryPending",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        double mE2 = number(page, "window.explore.theory.rateE");
        assertThat(mE2).as("mean-field m_E at m0 = 0.4 against 0.2").isGreaterThan(mE + 0.05);
        assertThat(page.locator("#mf-rate-e").textContent()).isEqualTo(String.format(java.util.Locale.ROOT, "%.4g", mE2));
        assertThat(page.evaluate("window.explore.accepted.m0").toString()).isEqualTo("0.4");
        double t = number(page, "window.explore.time");
        runFor(page, t, 15);
        double simulated = number(page, "window.explore.rateEAverage");
        // N = 1000, K = 50: the simulated rate within 35 % of the finite-K mean field (its O(1/sqrt K) corrections)
        assertThat(simulated).as("simulated m_E at m0 = 0.4 against the mean field %s", mE2).isBetween(0.65 * mE2, 1.35 * mE2);
        assertThat(number(page, "window.explore.ext[window.explore.ext.length - 1]")).isCloseTo(Math.sqrt(50) * 0.4,
                org.assertj.core.data.Offset.offset(1e-5));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("balanced-m0-0.4.png")).setFullPage(true));

        // a bad value: the CLI's message next to its control
        String cliMessage = CliRunner.run("meanfield", "balanced", "--m0", "1.5").err().strip().replaceFirst("^chaoslab: error: ", "");
        page.locator("#m0").fill("1.5");
        page.waitForFunction("() => document.getElementById('msg-m0').textContent.length > 0");
        assertThat(page.locator("#msg-m0").textContent()).isEqualTo(cliMessage);
        Download download = page.waitForDownload(() -> page.locator("#export").click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).isEqualTo("chaoslab-explore-balanced.zip");
    }

    @Test
    void aClickInTheDeepPhaseDiagramShowsThatPointsMapsAndSimulation() {
        Page page = openView("deep", 1);
        assertThat(page.locator("#phase").textContent()).isEqualTo("chaotic");
        assertThat(number(page, "window.explore.diagram.chi1.length")).isEqualTo(DeepDiagrams.RESOLUTION * DeepDiagrams.RESOLUTION);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("deep-chaotic.png")).setFullPage(true));

        // a click in the ordered phase: the point's theory (c* = 1) and a new simulation
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) page.evaluate("window.explore.positionOf(1.2, 0.5)");
        page.locator("#plot-diagram .u-over").click(new com.microsoft.playwright.Locator.ClickOptions()
                .setPosition(at.get("x").doubleValue(), at.get("y").doubleValue()));
        page.waitForFunction("() => document.getElementById('phase').textContent === 'ordered' && window.explore.simulation"
                + " && window.explore.simulation.sigmaW2 === window.explore.theory.sigmaW2", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertThat(number(page, "window.explore.theory.sigmaW2")).isCloseTo(1.2, org.assertj.core.data.Offset.offset(0.02));
        assertThat(number(page, "window.explore.theory.cStar")).isEqualTo(1.0);
        assertThat(Double.parseDouble(page.locator("#sigma-b2").inputValue())).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
        // in the ordered phase the inputs' correlation goes to 1 through the layers, simulated and mapped
        double last = number(page, "window.explore.simulation.c.mean[window.explore.simulation.c.mean.length - 1]");
        assertThat(last).as("simulated c^L in the ordered phase").isGreaterThan(0.95);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("deep-ordered.png")).setFullPage(true));
    }

    @Test
    void theKernelViewSimulatesOnRequestAndTheRateNuggetGoesBelowTheTransition() {
        Page page = openView("kernel", 0);
        assertThat(page.locator("#rate-chaos").textContent()).startsWith("chaotic");
        page.locator("#simulate").click();
        page.waitForFunction("() => window.explore.simulated >= 2 && window.explore.simState === 'done'", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        assertThat(page.locator("#binary-sim-nugget").textContent()).contains("±");
        assertThat(page.locator("#rate-verdict").textContent()).contains("2 realizations");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kernel-g2.5-simulated.png")).setFullPage(true));

        // g below the rate network's transition: its nugget goes, the binary network's stays; the simulation is cleared
        page.locator("#g-slider").fill("1");
        page.waitForFunction("() => window.explore.theories.rate && window.explore.accepted && Number(window.explore.accepted.g) === 1"
                + " && document.getElementById('rate-chaos').textContent.startsWith('not chaotic')", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.waitForFunction("() => Number(window.explore.theories.binary.sameTrial) > 0 && window.explore.theories.rate.nugget < 1e-9");
        assertThat(Double.parseDouble(page.locator("#binary-nugget").textContent())).isGreaterThan(0.03);
        assertThat(page.locator("#rate-sim-nugget").textContent()).isEqualTo("–");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kernel-g1-theory.png")).setFullPage(true));
    }

    @Test
    void twoTabsRunTheirOwnNetworks() {
        Page first = open();
        Page second = open();
        assertThat(first.evaluate("window.explore.token")).isNotEqualTo(second.evaluate("window.explore.token"));
        first.locator("#g-slider").fill("0.6");
        first.waitForFunction("() => document.getElementById('phase').textContent === 'fixed-point'");
        double t = number(second, "window.explore.time");
        runFor(second, t, 2);
        assertThat(second.locator("#phase").textContent()).as("the other tab keeps its g").isEqualTo("chaotic");
        assertThat(second.evaluate("window.explore.accepted.g").toString()).isEqualTo("1.5");
        first.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-tabs-first.png")).setFullPage(true));
        second.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-tabs-second.png")).setFullPage(true));
        first.close();
        second.close();
    }
}
