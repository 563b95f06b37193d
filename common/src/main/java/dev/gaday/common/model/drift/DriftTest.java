package dev.gaday.common.model.drift;

/**
 * The significance test behind one check. {@code pValue} is the test's own two-sided p-value;
 * {@code adjustedPValue} allows for autocorrelation ({@code inflation} = n / n_eff) and for Holm's
 * correction across the run's checks, and is the one compared with alpha. {@code ciLow}/{@code ciHigh}
 * bound the shift current − baseline at {@code confidence} (the HL shift for rank tests, the
 * difference of proportions for ratio tests). {@code missingBaseline}/{@code missingCurrent} count the
 * steps of the grid without a sample (gaps are reported, never filled).
 */
public record DriftTest(
        String name,
        int nBaseline,
        int nCurrent,
        int missingBaseline,
        int missingCurrent,
        Double pValue,
        Double adjustedPValue,
        Double inflation,
        Double ciLow,
        Double ciHigh,
        Double hlShift,
        Double effectSize,
        Double cles,
        double confidence) {}
