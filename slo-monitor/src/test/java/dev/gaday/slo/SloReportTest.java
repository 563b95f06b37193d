package dev.gaday.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.common.model.slo.SloWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloReportTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = START.plusSeconds(86_400);

    private static SloResult slo(String name, String state) {
        return new SloResult(
                name,
                "svc",
                99.9,
                "availability",
                99.0,
                100.0,
                0.01,
                null,
                Map.of(),
                null,
                0,
                List.of(),
                state,
                null,
                Map.of(),
                null);
    }

    private static SloStatus status(List<SloResult> slos, List<SloViolation> violations) {
        return new SloStatus(
                FileKind.SLO_STATUS.schemaVersion(),
                FileKind.SLO_STATUS.id(),
                "test",
                END,
                false,
                new SloWindow(START, END, 60),
                "ga-24h",
                "FAIL",
                slos,
                violations,
                Map.of());
    }

    @Test
    void theHeadlineCountsSlosByStateAndAlertEpisodesApart() {
        // An exhausted budget without any alert in the window: one failing SLO, no alert episode.
        SloStatus quiet = status(List.of(slo("a", "OK"), slo("b", "BUDGET_EXHAUSTED")), List.of());
        assertEquals("2 SLOs: 1 OK, 1 failing; 0 alert episodes", SloReport.headline(quiet));

        // One SLO paging twice, one ticket, one without traffic.
        SloStatus busy = status(
                List.of(slo("a", "PAGE"), slo("b", "TICKET"), slo("c", "NO_TRAFFIC"), slo("d", "OK")),
                List.of(
                        new SloViolation("a", "page", START.plusSeconds(3_600), START.plusSeconds(4_000), 14.4),
                        new SloViolation("a", "page", START.plusSeconds(9_000), null, 15.0)));
        assertEquals("4 SLOs: 1 OK, 1 failing, 1 warning, 1 without data; 2 alert episodes", SloReport.headline(busy));
        assertEquals(
                "1 SLO: 1 OK; 1 alert episode",
                SloReport.headline(status(
                        List.of(slo("a", "OK")),
                        List.of(new SloViolation("a", "ticket", START, START.plusSeconds(60), 1.0)))));
    }
}
