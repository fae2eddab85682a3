package org.chaoslab.cli.report;

import java.util.List;

/**
 * One chaoslab command the report runs, with what its figures show.
 *
 * @param id      short name, unique in its section (names its cached directory)
 * @param caption what the run shows, for the figure captions (the command line with its seed is added)
 * @param args    the command as typed after {@code chaoslab}, without {@code --out}; {@code {run:ID}} stands for the
 *                directory of an earlier run of the same section (e.g. the responses a spectrum analyses),
 *                {@code {spec}} for the file holding {@link #spec}
 * @param spec    a sweep spec (YAML) for {@code chaoslab sweep}, else null
 * @param after   commands run after it in its directory ({@code {out}}), e.g. {@code sweep plot}
 */
public record ReportRun(String id, String caption, List<String> args, String spec, List<List<String>> after) {

    /** A single command. */
    public static ReportRun of(String id, String caption, String... args) {
        return new ReportRun(id, caption, List.of(args), null, List.of());
    }

    /** A sweep of a spec, then the commands after it (plots). */
    public static ReportRun sweep(String id, String caption, String spec, List<List<String>> after) {
        return new ReportRun(id, caption, List.of("sweep", "{spec}"), spec, after);
    }
}
