package org.accord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's table: each figure with its baseline from the same run and the ratio between them, always read
 * as "times worse than the baseline" (latency ÷ raw latency; raw rate ÷ rate), so 1.0 is as fast as the raw store.
 */
final class Report {

    private static final Pattern WITHIN = Pattern.compile("within (\\d+(?:\\.\\d+)?)x");

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> goals = new ArrayList<>();

    void note(String note) {
        notes.add(note);
    }

    void row(String figure, String unit, double value, double baseline, String baselineName, String goal,
             Boolean met) {
        add(figure, unit, value, baseline, baselineName, value / baseline, goal, met);
    }

    /** For rates: the ratio is the baseline's rate over the figure's. */
    void inverseRow(String figure, String unit, double value, double baseline, String baselineName, String goal) {
        add(figure, unit, value, baseline, baselineName, baseline / value, goal, null);
    }

    void goal(String goal, boolean met) {
        goals.add("- " + goal + ": " + (met ? "met" : "**missed**"));
    }

    private void add(String figure, String unit, double value, double baseline, String baselineName, double ratio,
                     String goal, Boolean met) {
        if (met == null) {
            Matcher m = WITHIN.matcher(goal);
            met = m.matches() ? ratio <= Double.parseDouble(m.group(1)) : null;
        }
        rows.add(String.format(Locale.ROOT, "| %s | %s %s | %s %s (%s) | %.2f | %s | %s |", figure, number(value),
                unit, number(baseline), unit, baselineName, ratio, goal,
                met == null ? "see below" : met ? "met" : "**missed**"));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    void print(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Accord benchmark, ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append(machine()).append("\n\n");
        out.append("| figure | Accord | baseline, same run, same store | ratio (x worse) | goal | |\n");
        out.append("|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        out.append('\n');
        goals.forEach(g -> out.append(g).append('\n'));
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        System.out.println();
        System.out.println(out);
        Files.writeString(file, out);
        System.out.println("(also written to " + file + ")");
    }

    private static String machine() {
        String memory = "?";
        String load = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    memory = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return String.format(Locale.ROOT, "machine: %d cores, %s RAM, %s %s (%s), %s; load average at the end: %s",
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("os.name"),
                load);
    }
}
