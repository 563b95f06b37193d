package dev.gaday.drift.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge's numbers against SciPy on the same samples (python3-scipy from Debian): Mann-Whitney U
 * statistic and p-value (exact and asymptotic), Hodges-Lehmann shift and its interval, Fisher's exact
 * test and the two-proportion z-test, all within 1e-6 (relative for magnitudes above 1).
 */
class ScipyAgreementIT {
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path temp;

    private record Case(Map<String, Object> input, TestResult java) {}

    @Test
    void rankAndProportionTestsAgreeWithScipy() throws Exception {
        Random random = new Random(20261206);
        List<Case> cases = new ArrayList<>();
        // Exact: small samples without ties, equal and uneven sizes, shifted and not.
        int[][] exactSizes = {{3, 3}, {5, 4}, {8, 8}, {12, 7}, {20, 20}, {25, 30}, {30, 18}};
        for (int[] size : exactSizes) {
            for (double shift : new double[] {0, 0.8, 3}) {
                cases.add(rank(random, size[0], size[1], shift, false, 0.98));
            }
        }
        cases.add(rank(random, 15, 15, 1, false, 0.90));
        // Asymptotic: large samples (1,440 a side, a day at 1 m), ties from rounding, mixed sizes.
        cases.add(rank(random, 1440, 1440, 0, false, 0.98));
        cases.add(rank(random, 1440, 1440, 0.1, false, 0.98));
        cases.add(rank(random, 300, 200, 0.5, true, 0.98));
        cases.add(rank(random, 60, 60, 0, true, 0.95));
        cases.add(rank(random, 10, 12, 1, true, 0.98));
        cases.add(rank(random, 120, 80, 2, false, 0.99));
        // Proportions: zero-error baseline, small counts (Fisher) and large counts (z).
        cases.add(proportion(0, 1000, 10, 1000));
        cases.add(proportion(0, 20_000, 3, 2_000));
        cases.add(proportion(1, 400, 6, 410));
        cases.add(proportion(2, 400, 9, 410));
        cases.add(proportion(100, 10_000, 130, 10_000));
        cases.add(proportion(5_000, 1_000_000, 5_120, 1_000_000));
        cases.add(proportion(310, 50_000, 900, 48_000));

        JsonNode scipy = runScipy(cases);
        assertEquals(cases.size(), scipy.size());
        int exactSeen = 0;
        int fisherSeen = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode ref = scipy.get(i);
            String label = "case " + i + " " + c.java().name() + " n="
                    + c.java().nBaseline() + "/" + c.java().nCurrent();
            close(ref.get("pValue").asDouble(), c.java().pValue(), label + " p-value");
            if ("rank".equals(c.input().get("type"))) {
                exactSeen += "exact".equals(c.input().get("method")) ? 1 : 0;
                close(ref.get("statistic").asDouble(), c.java().statistic(), label + " U");
                close(ref.get("hlShift").asDouble(), c.java().hlShift(), label + " HL shift");
                close(ref.get("ciLow").asDouble(), c.java().ciLow(), label + " CI low");
                close(ref.get("ciHigh").asDouble(), c.java().ciHigh(), label + " CI high");
            } else if ("fisher".equals(c.input().get("method"))) {
                fisherSeen++;
            } else {
                close(ref.get("statistic").asDouble(), c.java().statistic(), label + " z");
            }
        }
        assertEquals(22, exactSeen, "exact rank cases");
        assertTrue(fisherSeen >= 3, "Fisher cases: " + fisherSeen);
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    private static Case rank(Random random, int m, int n, double shift, boolean rounded, double confidence) {
        double[] x = new double[m];
        double[] y = new double[n];
        for (int i = 0; i < m; i++) {
            x[i] = value(random, 0, rounded);
        }
        for (int i = 0; i < n; i++) {
            y[i] = value(random, shift, rounded);
        }
        TestResult java = RankTest.test(x, y, confidence);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", "rank");
        input.put("method", java.name().contains("exact") ? "exact" : "asymptotic");
        input.put("baseline", x);
        input.put("current", y);
        input.put("confidence", confidence);
        return new Case(input, java);
    }

    private static double value(Random random, double shift, boolean rounded) {
        double v = 10 + shift + random.nextGaussian();
        return rounded ? Math.round(v * 2) / 2.0 : v;
    }

    private static Case proportion(long e1, long t1, long e2, long t2) {
        TestResult java = ProportionTest.test(e1, t1, e2, t2, 0.98, 60, 60);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", "proportion");
        input.put("method", java.name().equals("fisher-exact") ? "fisher" : "z");
        input.put("baselineErrors", e1);
        input.put("baselineTotal", t1);
        input.put("currentErrors", e2);
        input.put("currentTotal", t2);
        return new Case(input, java);
    }

    private JsonNode runScipy(List<Case> cases) throws IOException, InterruptedException {
        Path script = temp.resolve("scipy_reference.py");
        try (InputStream in = ScipyAgreementIT.class.getResourceAsStream("scipy_reference.py")) {
            Files.copy(in, script);
        }
        Path input = temp.resolve("cases.json");
        Files.writeString(input, Json.write(cases.stream().map(Case::input).toList()));
        Path output = temp.resolve("scipy.json");
        Path errors = temp.resolve("scipy.err");
        Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), input.toString())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        assertTrue(python.waitFor(5, TimeUnit.MINUTES), "python3 did not finish");
        assertEquals(0, python.exitValue(), () -> "python3 failed: " + read(errors));
        return Json.mapper().readTree(Files.readString(output, StandardCharsets.UTF_8));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
