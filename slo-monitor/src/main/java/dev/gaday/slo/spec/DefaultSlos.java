package dev.gaday.slo.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The SLOs used without --slos, per service (the {@code service} label of http_requests_total): 99.9 % of
 * requests not 5xx, and 99 % of requests within 1 s — the thresholds kpi-collector certifies against.
 */
public final class DefaultSlos {
    public static final String REQUESTS = "http_requests_total";
    public static final String LATENCY_HISTOGRAM = "http_request_duration_seconds";
    public static final double AVAILABILITY_OBJECTIVE = 99.9;
    public static final double LATENCY_OBJECTIVE = 99.0;
    public static final double LATENCY_THRESHOLD_SECONDS = 1.0;

    private DefaultSlos() {}

    public static List<SloDefinition> forServices(List<String> services) {
        List<SloDefinition> slos = new ArrayList<>();
        for (String service : services) {
            String selector = "service=\"" + escape(service) + "\"";
            slos.add(new SloDefinition(
                    service + "-availability",
                    service,
                    AVAILABILITY_OBJECTIVE,
                    new Sli.Events(
                            "sum(increase(" + REQUESTS + "{" + selector + ",status=~\"5..\"}[{{window}}]))",
                            "sum(increase(" + REQUESTS + "{" + selector + "}[{{window}}]))"),
                    null,
                    null));
            slos.add(new SloDefinition(
                    service + "-latency",
                    service,
                    LATENCY_OBJECTIVE,
                    new Sli.Latency(LATENCY_HISTOGRAM, selector, LATENCY_THRESHOLD_SECONDS),
                    null,
                    null));
        }
        return slos;
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
