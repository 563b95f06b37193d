package dev.gaday.slo.spec;

import dev.gaday.slo.math.BurnRatePolicy;
import java.util.Objects;

/**
 * One SLO as written in slos.yaml (or made by default): objective in percent, its SLI, the burn-rate policy
 * (null: the run's) and the minimum-events guard (null: the default ⌈1/(f·B)⌉).
 */
public record SloDefinition(
        String name, String service, double objective, Sli sli, BurnRatePolicy policy, Long minEvents) {
    public SloDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sli, "sli");
    }
}
