package dev.gaday.testkit.dataset;

import java.util.ArrayList;
import java.util.List;

/** The deterministic service names of a generated dataset: a fixed list, then {@code svc-NN}. */
public final class ServiceNames {

    private static final List<String> NAMED = List.of(
            "checkout",
            "payments",
            "search",
            "catalog",
            "cart",
            "accounts",
            "inventory",
            "shipping",
            "notifications",
            "recommendations");

    /** The websocket gateway's service name: its reconnect counters carry it. */
    public static final String WEBSOCKET_GATEWAY = "ws-gateway";

    private ServiceNames() {}

    public static List<String> first(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one service, got " + count);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(i < NAMED.size() ? NAMED.get(i) : String.format("svc-%02d", i + 1));
        }
        return List.copyOf(names);
    }
}
