package org.chaoslab.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: the summary table of every comparison first (measured deviation, its
 * error bar, the tolerance and its basis, pass or fail — a failure in red, never hidden), then a section per model
 * family with what it reproduces, each run's figures (PNG embedded, with links to the SVG and the data files beside
 * the page), its caption with the command line that made it (parameters and seed), and its comparisons. A small
 * script marks the page with the number of figures the browser has loaded ({@code data-figures="loaded/total"} on
 * the body), which the browser check reads.
 */
final class ReportHtml {

    private ReportHtml() {
    }

    static String render(List<ReportOutcome> outcomes, Path out, String header) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>chaoslab report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;font-size:13px;width:100%}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}tr.fail td{background:#fde2e2;color:#a00}\n")
                .append(".pass{color:#070;font-weight:bold}.fail{color:#b00;font-weight:bold}\n")
                .append("figure{display:inline-block;margin:.5em;vertical-align:top;max-width:540px}figure img{width:100%;border:1px solid #eee}\n")
                .append("figcaption,.cmd{font-size:12px;color:#444}.cmd{font-family:monospace;word-break:break-all}\n")
                .append(".run{border-top:1px solid #ddd;margin-top:1em;padding-top:.5em}\n</style></head>\n<body>\n");
        long comparisons = outcomes.stream().mapToLong(o -> o.verdicts().size()).sum();
        long failedVerdicts = outcomes.stream().flatMap(o -> o.verdicts().stream()).filter(v -> !v.agrees()).count();
        long failedRuns = outcomes.stream().filter(o -> o.exitCode() != 0).count();
        h.append("<h1>chaoslab report</h1>\n<p>").append(esc(header)).append("</p>\n");
        h.append("<p>").append(comparisons).append(" comparisons of theory and simulation in ").append(outcomes.size())
                .append(" runs: ").append(failedVerdicts == 0 && failedRuns == 0
                        ? "<span class=\"pass\">all agree</span>"
                        : "<span class=\"fail\">" + failedVerdicts + " comparison(s) deviate, " + failedRuns + " run(s) failed</span>")
                .append(".</p>\n");
        h.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\"><tr><th>section</th><th>run</th><th>quantity</th>"
                + "<th>theory</th><th>simulation ± SE</th><th>|deviation|</th><th>tolerance</th><th>basis</th><th>result</th></tr>\n");
        for (ReportOutcome o : outcomes) {
            if (o.exitCode() != 0) {
                h.append("<tr class=\"fail\"><td>").append(esc(o.section().id())).append("</td><td><a href=\"#")
                        .append(anchor(o)).append("\">").append(esc(o.run().id())).append("</a></td><td colspan=\"6\">run failed (exit ")
                        .append(o.exitCode()).append("): ").append(esc(o.message())).append("</td><td class=\"fail\">FAIL</td></tr>\n");
            }
            for (ReportOutcome.Verdict v : o.verdicts()) {
                h.append(v.agrees() ? "<tr>" : "<tr class=\"fail\">").append("<td>").append(esc(o.section().id()))
                        .append("</td><td><a href=\"#").append(anchor(o)).append("\">").append(esc(o.run().id())).append("</a></td><td>")
                        .append(esc(v.quantity())).append("</td><td class=\"num\">").append(num(v.theory()))
                        .append("</td><td class=\"num\">").append(num(v.simulation())).append(" ± ").append(num(v.standardError()))
                        .append("</td><td class=\"num\">").append(num(v.deviation())).append("</td><td class=\"num\">")
                        .append(num(v.tolerance())).append("</td><td>").append(esc(v.basis())).append("</td><td class=\"")
                        .append(v.agrees() ? "pass\">pass" : "fail\">FAIL").append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        ReportSection current = null;
        for (ReportOutcome o : outcomes) {
            if (o.section() != current) {
                current = o.section();
                h.append("<h2 id=\"").append(esc(current.id())).append("\">").append(esc(current.title())).append("</h2>\n<p>")
                        .append(esc(current.reproduces())).append("</p>\n");
            }
            String rel = out.relativize(o.dir()).toString().replace('\\', '/');
            h.append("<div class=\"run\" id=\"").append(anchor(o)).append("\"><h3>").append(esc(o.run().caption()))
                    .append(o.passed() ? "" : " <span class=\"fail\">— FAILED</span>").append("</h3>\n");
            h.append("<div class=\"cmd\">").append(esc(o.commandLine().replace(o.dir().getParent().toString(), "runs/" + o.section().id())))
                    .append("</div>\n<div class=\"cmd\">").append(String.format(Locale.ROOT, "%.1f s%s", o.seconds(), o.cached() ? " (cached)" : ""))
                    .append(o.exitCode() != 0 ? " — exit " + o.exitCode() + ": " + esc(o.message()) : "").append("</div>\n");
            for (String f : o.figures()) {
                byte[] png = Files.readAllBytes(o.dir().resolve(f));
                String svg = f.replaceAll("\\.png$", ".svg");
                h.append("<figure><img alt=\"").append(esc(o.run().id() + " " + f)).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(f))
                        .append(Files.exists(o.dir().resolve(svg)) ? " · <a href=\"" + rel + "/" + svg + "\">SVG</a>" : "")
                        .append(" · <a href=\"").append(rel).append("/").append(f).append("\">PNG</a></figcaption></figure>\n");
            }
            if (!o.data().isEmpty()) {
                h.append("<div class=\"cmd\">data: ");
                for (String d : o.data()) {
                    h.append("<a href=\"").append(rel).append("/").append(d).append("\">").append(esc(d)).append("</a> ");
                }
                h.append("</div>\n");
            }
            h.append("</div>\n");
        }
        h.append("<script>\nwindow.addEventListener('load',function(){var i=document.images,n=0;for(var k=0;k<i.length;k++)"
                + "{if(i[k].complete&&i[k].naturalWidth>0)n++;}document.body.setAttribute('data-figures',n+'/'+i.length);});\n</script>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String anchor(ReportOutcome o) {
        return o.section().id() + "-" + o.run().id();
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
