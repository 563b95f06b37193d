package dev.gaday.drift.analysis;

import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.Mitigation;
import java.util.Locale;

/** What to do about a drift, by kind: the text the report's mitigation list shows. */
final class Mitigations {
    private Mitigations() {}

    static Mitigation of(String kind, Drift drift) {
        String who = drift.service() == null || drift.service().isEmpty() ? "the service" : drift.service();
        String change = drift.changePercent() == null
                ? "from zero"
                : String.format(Locale.ROOT, "%+.1f %%", drift.changePercent());
        String action =
                switch (kind) {
                    case "errors" -> "Error ratio of " + who + " changed " + change
                            + ": read the 5xx responses and logs "
                            + "of the new release, compare them with the baseline's, and roll back if the release causes them.";
                    case "latency" -> drift.metric() + " of " + who + " changed " + change
                            + ": compare traces before and "
                            + "after, look for slow dependencies or queries added by the release; scale out or roll back if "
                            + "the SLO is at risk.";
                    case "cpu" -> "CPU of " + who + " changed " + change
                            + ": profile the new release for hot paths, check "
                            + "CPU requests/limits and autoscaling before traffic grows.";
                    case "memory" -> "Memory of " + who + " changed " + change
                            + ": look for a leak (steady growth), compare "
                            + "heap profiles, and check memory limits to avoid OOM kills.";
                    default -> drift.metric() + " of " + who + " changed " + change
                            + ": check routing, load balancers and "
                            + "clients; a drop can mean users no longer reach the service.";
                };
        return new Mitigation(kind, drift.metric(), drift.service(), drift.severity(), action);
    }
}
