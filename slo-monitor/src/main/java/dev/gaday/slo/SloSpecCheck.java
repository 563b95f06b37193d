package dev.gaday.slo;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.slo.query.LatencyBuckets;
import dev.gaday.slo.query.SliQueries;
import dev.gaday.slo.spec.Sli;
import dev.gaday.slo.spec.SloDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The checks of {@code slo-monitor check}, one finding per SLO (problem null: fine). */
final class SloSpecCheck {
    record Finding(String slo, String problem) {}

    private final PrometheusClient client;

    SloSpecCheck(PrometheusClient client) {
        this.client = client;
    }

    List<Finding> check(List<SloDefinition> slos, Instant start, Instant end) {
        List<Finding> findings = new ArrayList<>();
        for (SloDefinition slo : slos) {
            findings.add(new Finding(slo.name(), problemOf(slo, start, end)));
        }
        return findings;
    }

    private String problemOf(SloDefinition slo, Instant start, Instant end) {
        SliQueries queries;
        if (slo.sli() instanceof Sli.Latency latency) {
            String le;
            try {
                le = LatencyBuckets.bucketOf(client, slo.name(), latency, start, end);
            } catch (PrometheusException e) {
                throw e;
            } catch (ToolException e) {
                return e.getMessage().replaceFirst("^slo '[^']*': ", "");
            }
            if (le == null) {
                return "no series of " + SliQueries.bucketSelector(latency) + " between " + start + " and " + end;
            }
            queries = SliQueries.latency(latency, le);
        } else {
            queries = SliQueries.events((Sli.Events) slo.sli());
        }
        Duration window = Duration.between(start, end);
        for (String role : List.of("total", "errors")) {
            String query = role.equals("total") ? queries.total(window) : queries.errors(window);
            try {
                QueryResult result = client.query(query, end);
                if (!(result instanceof QueryResult.Vector vector)) {
                    return role + " query returns a " + result.getClass().getSimpleName() + ", not a vector: " + query;
                }
                if (vector.samples().isEmpty() && role.equals("total")) {
                    return "total query returns no series: " + query;
                }
            } catch (PrometheusException e) {
                if (e.kind() == PrometheusException.Kind.API_ERROR) {
                    return role + " query is rejected: " + e.getMessage();
                }
                throw e;
            }
        }
        return null;
    }
}
