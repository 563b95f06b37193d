package dev.gaday.kpi;

import dev.gaday.common.prometheus.PrometheusClient;

/** Lets tests in other packages give the command a Prometheus double. */
public final class CollectKpisCommandAccess {
    private CollectKpisCommandAccess() {}

    public static CollectKpisCommand withClient(PrometheusClient client) {
        CollectKpisCommand command = new CollectKpisCommand();
        command.clientFactory = mixin -> client;
        return command;
    }

    /** The command with its own client and without a JVM shutdown hook (tests run many commands in one JVM). */
    public static CollectKpisCommand plain() {
        CollectKpisCommand command = new CollectKpisCommand();
        command.shutdownHooks = hook -> {};
        return command;
    }
}
