package dev.gaday.cert.build;

import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.signature.SigningKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a cert-package run was asked to do, checked: the command's options as the builder needs them.
 *
 * @param inputDirs the --inputs directories, in order
 * @param inputFiles the files given by per-file options, which win over those found in inputDirs
 * @param snapshotDir --snapshots DIR, or null
 * @param template --template FILE, or null for the bundled template
 * @param gaStart --ga-start, or null to take the KPI summary's window
 * @param gaEnd --ga-end, or null to take the KPI summary's window
 * @param outputDir the output directory, created (and checked) only when the run gets to writing
 * @param generatedAt the run's time stamp (SOURCE_DATE_EPOCH when set)
 * @param sourceDateEpoch SOURCE_DATE_EPOCH, or null: when set, every time in the package is fixed
 * @param environment the environment the report reads CI run ids from
 * @param policy --policy FILE (gate to required, warning or off), or null
 * @param keepEmptySections --keep-empty-sections: sections without input keep the template's text
 * @param signingKey --sign-key, read and checked: the tarball gets a detached SSH signature; or null
 */
public record BuildOptions(
        List<Path> inputDirs,
        Map<InputKind, Path> inputFiles,
        Path snapshotDir,
        Path template,
        Instant gaStart,
        Instant gaEnd,
        Supplier<Path> outputDir,
        boolean includeArtifacts,
        boolean certifyOnly,
        boolean strict,
        Instant generatedAt,
        Long sourceDateEpoch,
        Map<String, String> environment,
        Path policy,
        boolean keepEmptySections,
        SigningKey signingKey) {

    public BuildOptions {
        inputDirs = List.copyOf(inputDirs);
        inputFiles = inputFiles.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(inputFiles));
        environment = Map.copyOf(environment);
    }
}
