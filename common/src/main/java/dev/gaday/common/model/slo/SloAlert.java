package dev.gaday.common.model.slo;

import java.time.Instant;
import java.util.List;

/**
 * One multi-window burn-rate alert of an SLO: it fires while the burn rate exceeds {@code factor} over
 * both windows. {@code firedAt[i]} pairs with {@code resolvedAt[i]}; an alert still firing at the window's
 * end has one more {@code firedAt} than {@code resolvedAt}. {@code suppressedMinutes}: minutes in which
 * both windows burned too fast but the short window held fewer events than the SLO's {@code minEvents}.
 */
public record SloAlert(
        String severity,
        String longWindow,
        String shortWindow,
        double factor,
        boolean firing,
        List<Instant> firedAt,
        List<Instant> resolvedAt,
        double peakBurnRate,
        long suppressedMinutes) {
    public SloAlert {
        firedAt = firedAt == null ? List.of() : List.copyOf(firedAt);
        resolvedAt = resolvedAt == null ? List.of() : List.copyOf(resolvedAt);
        if (!"page".equals(severity) && !"ticket".equals(severity)) {
            throw new IllegalArgumentException("alert severity is '" + severity + "', expected page or ticket");
        }
    }
}
