package dev.gaday.cert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.Fixtures;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page-one service matrix: each service judged by its own criteria, worst first, time below its target. */
class VerdictSummaryTest {

    @Test
    void servicesAreJudgedByTheirOwnCriteriaWorstFirst() {
        KpiSummary base = Fixtures.summary("web");
        List<CriterionResult> criteria = new ArrayList<>(List.of(
                Criterion.of("overall availability", Comparator.GREATER_OR_EQUAL, 99.9, "%")
                        .evaluate(99.93, "o"),
                Criterion.of("service checkout availability", Comparator.GREATER_OR_EQUAL, 99.9, "%")
                        .evaluate(99.65, "s"),
                Criterion.of("service search availability", Comparator.GREATER_OR_EQUAL, 99.9, "%")
                        .evaluate(99.94, "s")));
        KpiSummary summary = new KpiSummary(
                base.schemaVersion(),
                base.kind(),
                base.toolVersion(),
                base.generatedAt(),
                false,
                base.window(),
                base.overall(),
                List.of(Fixtures.service("search", 99.94), Fixtures.service("checkout", 99.65)),
                base.infrastructure(),
                base.kubernetes(),
                base.observability(),
                Certification.of(Verdict.of(criteria)),
                List.of(),
                Map.of());
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Window window = new Window(
                    Fixtures.START.plus(Duration.ofMinutes(5L * i)),
                    Fixtures.START.plus(Duration.ofMinutes(5L * i + 5)),
                    300);
            snapshots.add(new KpiSnapshot(
                    1,
                    FileKind.KPI_SNAPSHOT.id(),
                    i + 1,
                    window,
                    base.overall(),
                    List.of(Fixtures.service("search", 99.95), Fixtures.service("checkout", i < 7 ? 99.5 : 99.95)),
                    List.of()));
        }
        var inputs = new dev.gaday.cert.input.Inputs(null, summary, snapshots, null, null, Map.of(), null, null, null);
        String matrix = VerdictSummary.matrix(inputs);
        int checkout = matrix.indexOf("| checkout |");
        int search = matrix.indexOf("| search |");
        assertTrue(checkout > 0 && checkout < search, "the failing service first: " + matrix);
        assertTrue(matrix.contains("| checkout | 99.65% | 0.35% | 300 ms | 35 min | ✘ FAIL |"), matrix);
        assertTrue(matrix.contains("| search | 99.94% | 0.06% | 300 ms | 0 min | ✔ PASS |"), matrix);
        assertTrue(matrix.contains("Time below ≥ 99.9% (5-minute snapshots)"), matrix);
        assertEquals(
                2,
                matrix.lines()
                        .filter(l -> l.startsWith("| ") && !l.startsWith("| Service"))
                        .count());
    }
}
