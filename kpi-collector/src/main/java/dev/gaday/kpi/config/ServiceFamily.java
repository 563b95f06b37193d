package dev.gaday.kpi.config;

/**
 * The metric families whose series name a service, each with its own label(s) in
 * {@code labels.serviceByFamily}: exporters and scrape configs label them differently
 * (e.g. {@code up} and {@code process_*} carry {@code job}/{@code instance} only).
 */
public enum ServiceFamily {
    REQUESTS("requests"),
    LATENCY("latency"),
    UP("up"),
    PROCESS("process");

    private final String key;

    ServiceFamily(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The template placeholder with this family's grouping labels, e.g. {@code upService}. */
    public String placeholder() {
        return key + "Service";
    }
}
