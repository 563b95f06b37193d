package dev.gaday.kpi.config;

/** The queries kpi-collector knows the meaning of; each has a template under {@code queries:}. */
public enum QueryKey {
    REQUESTS("requests", Scope.SERVICE, true),
    ERRORS("errors", Scope.SERVICE, true),
    LATENCY_BUCKETS("latencyBuckets", Scope.SERVICE, true),
    UPTIME_PERCENT("uptimePercent", Scope.SERVICE, true),
    CPU_CORES("cpuCores", Scope.SERVICE, true),
    CPU_PERCENT("cpuPercent", Scope.SERVICE, true),
    MEMORY_BYTES("memoryBytes", Scope.SERVICE, true),
    DB_LATENCY_BUCKETS("dbLatencyBuckets", Scope.INFRASTRUCTURE, true),
    DB_POOL_USAGE_PERCENT("dbPoolUsagePercent", Scope.INFRASTRUCTURE, false),
    REDIS_HIT_RATE_PERCENT("redisHitRatePercent", Scope.INFRASTRUCTURE, false),
    REDIS_MEMORY_BYTES("redisMemoryBytes", Scope.INFRASTRUCTURE, false),
    REDIS_CONNECTED_CLIENTS("redisConnectedClients", Scope.INFRASTRUCTURE, false),
    CLUSTER_CPU_PERCENT("clusterCpuPercent", Scope.INFRASTRUCTURE, true),
    CLUSTER_MEMORY_PERCENT("clusterMemoryPercent", Scope.INFRASTRUCTURE, true),
    NETWORK_RECEIVE_BYTES("networkReceiveBytes", Scope.INFRASTRUCTURE, false),
    NETWORK_TRANSMIT_BYTES("networkTransmitBytes", Scope.INFRASTRUCTURE, false),
    FIRING_ALERTS("firingAlerts", Scope.OBSERVABILITY, false),
    PROMETHEUS_UPTIME_PERCENT("prometheusUptimePercent", Scope.OBSERVABILITY, false),
    ACTIVE_SERIES("activeSeries", Scope.OBSERVABILITY, false),
    SAMPLES_PER_SECOND("samplesPerSecond", Scope.OBSERVABILITY, false);

    public enum Scope {
        SERVICE,
        INFRASTRUCTURE,
        OBSERVABILITY
    }

    private final String configKey;
    private final Scope scope;
    private final boolean inSnapshots;

    QueryKey(String configKey, Scope scope, boolean inSnapshots) {
        this.configKey = configKey;
        this.scope = scope;
        this.inSnapshots = inSnapshots;
    }

    public String configKey() {
        return configKey;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether snapshots (range queries, step = interval) run this query too. */
    /** The metric family whose labels name the service in a service-level query's answer. */
    public ServiceFamily serviceFamily() {
        return switch (this) {
            case LATENCY_BUCKETS -> ServiceFamily.LATENCY;
            case UPTIME_PERCENT -> ServiceFamily.UP;
            case CPU_CORES, CPU_PERCENT, MEMORY_BYTES -> ServiceFamily.PROCESS;
            default -> ServiceFamily.REQUESTS;
        };
    }

    public boolean inSnapshots() {
        return inSnapshots;
    }
}
