package dev.gaday.testkit.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain reader of the generator's OpenMetrics files, independent of the generator's code, for cross-checks. */
final class OpenMetricsText {

    record Sample(long timestamp, long value) {}

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Every series (name and labels as written) with its samples, in file order. Values parsed as whole numbers. */
    static Map<String, List<Sample>> integerSeries(List<Path> files, String metricName) {
        Map<String, List<Sample>> series = new LinkedHashMap<>();
        for (Path file : files) {
            for (String line : lines(file)) {
                if (line.startsWith("#") || !line.startsWith(metricName + "{")) {
                    continue;
                }
                int valueStart = line.lastIndexOf(' ', line.lastIndexOf(' ') - 1);
                String key = line.substring(0, valueStart);
                String[] valueAndTime = line.substring(valueStart + 1).split(" ");
                series.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Sample(Long.parseLong(valueAndTime[1]), Long.parseLong(valueAndTime[0])));
            }
        }
        return series;
    }

    static String label(String seriesKey, String name) {
        Matcher m = LABEL.matcher(seriesKey);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    /**
     * Sum of a counter's increments over samples with {@code from < t <= to}, a drop counting as a reset to 0
     * (Prometheus' rule).
     */
    static long increase(List<Sample> samples, long from, long to) {
        long total = 0;
        for (int i = 1; i < samples.size(); i++) {
            Sample previous = samples.get(i - 1);
            Sample current = samples.get(i);
            if (current.timestamp() > from && current.timestamp() <= to) {
                total += current.value() >= previous.value() ? current.value() - previous.value() : current.value();
            }
        }
        return total;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenMetricsText() {}
}
