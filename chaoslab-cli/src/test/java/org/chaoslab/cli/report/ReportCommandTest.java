package org.chaoslab.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chaoslab.cli.CliRunner;
import org.chaoslab.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    /** The deep-network section (three runs, ~10 s): the page, its figures, its comparisons, then reuse of the runs. */
    @Test
    void aSectionRendersWithItsFiguresAndComparisonsAndIsReusedWhenUnchanged() throws Exception {
        Path out = tmp.resolve("report");
        CliRunner.Result r = CliRunner.run("report", "--only", "deep", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 comparisons in 3 runs: all agree");
        assertThat(r.err()).contains("chaoslab: report [1/1] Deep random networks");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<table class=\"summary\">").contains("Poole et al., NeurIPS 2016")
                .contains("chaoslab deepnet compare --width 500 --depth 20 --seed 1 --out runs/deep/compare --force")
                .doesNotContain("FAIL");
        // every PNG of every run is in the page (embedded), and the data files are linked
        long pngs;
        try (var s = Files.walk(out.resolve("runs"))) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertThat(pngs).isGreaterThanOrEqualTo(5);
        assertThat(html.split("<img ", -1).length - 1).isEqualTo((int) pngs);
        assertThat(html).contains("href=\"runs/deep/compare/");

        CliRunner.Result again = CliRunner.run("report", "--only", "deep", "--out", out.toString());
        assertThat(again.code()).isZero();
        assertThat(again.err()).contains("(cached)").doesNotContainPattern("compare +[0-9.]+ s  ");
        assertThat(again.err().lines().filter(l -> l.contains("(cached)")).count()).isEqualTo(3);

        if (browser() != null) {
            // a real browser: the page loads and decodes every figure, the summary table is there, nothing failed
            Process p = new ProcessBuilder("bash", Path.of(System.getProperty("user.dir")).getParent()
                    .resolve("scripts/check-report.sh").toString(), out.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(text).isZero();
            assertThat(text).contains("figures loaded " + pngs + "/" + pngs);
            assertThat(out.resolve("screenshot.png")).isNotEmptyFile();
        }
    }

    @Test
    void aFailedComparisonIsShownInRedWithItsNumbers() throws Exception {
        ReportSection s = new ReportSection("rate", "Rate", "SCS 1988", List.of());
        ReportRun run = ReportRun.of("dmft", "Δ(τ)", "compare", "scs");
        Path dir = Files.createDirectories(tmp.resolve("runs/rate/dmft"));
        ReportOutcome o = new ReportOutcome(s, run, dir, "chaoslab compare scs --out " + dir, 0, "", false, 1.0,
                List.of(new ReportOutcome.Verdict("<x^2>", 1.925, 1.80, 0.01, 0.03, false, "3 SE")), List.of(), List.of());
        String html = ReportHtml.render(List.of(o), tmp, "test");
        assertThat(html).contains("<tr class=\"fail\"><td>rate</td>").contains("<td class=\"fail\">FAIL</td>")
                .contains("1.925").contains("1.800 ± 0.01000").contains("0.1250").contains("— FAILED")
                .contains("1 comparison(s) deviate");
    }

    @Test
    void badInputIsOneLine() {
        CliRunner.Result r = CliRunner.run("report", "--only", "rates", "--out", tmp.resolve("r").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo("chaoslab: error: --only must name sections among "
                + "[rate, correlations, populations, balanced, glauber, deep, kernel] (got rates)");
        assertThat(CliRunner.run("report", "--quick", "--full").err()).contains("--quick and --full exclude each other");
    }

    private static String browser() {
        for (String b : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(b))) {
                return b;
            }
        }
        Assumptions.assumeTrue(true);
        return null;
    }
}
