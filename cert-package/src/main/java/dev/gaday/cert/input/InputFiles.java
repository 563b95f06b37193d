package dev.gaday.cert.input;

import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which input file is where. Files are found in the {@code --inputs} directories by the names the
 * spec gives them; a per-file option overrides what was found. A name found in two directories
 * is a usage error (which one is meant is unknowable). Inputs whose producing tool does not exist
 * yet (drift analysis, SLO status, validation results) are found the same way, so they slot in
 * when those tools arrive.
 *
 * <p>Only regular files are read, and no link is followed: an input (found or given) that is a
 * symbolic or hard link, a directory, a FIFO, a device or a socket stops the run with one line (exit 4), so
 * that nothing outside the inputs can end up in the package. Names that are no input are ignored
 * without being looked at. Files are opened with {@link #open}, which refuses a link that appeared
 * after the check.
 */
public final class InputFiles {
    public static final String KPI_SUMMARY = "ga_kpi_summary.json";
    public static final String WS_HEALTH = "ws_health_metrics.json";
    public static final String DRIFT_ANALYSIS = "drift_analysis.json";
    public static final String SLO_STATUS = "slo_status.json";
    public static final String VALIDATION_JSON = "validation_results.json";
    public static final String VALIDATION_HTML = "validation_results.html";
    public static final List<String> RELEASE_NAMES = List.of("release.yaml", "release.yml");
    /** The JSON inputs that are copied into the package and can be bound to by name. */
    public static final List<String> DOCUMENTS =
            List.of(KPI_SUMMARY, WS_HEALTH, DRIFT_ANALYSIS, SLO_STATUS, VALIDATION_JSON);
    /** Extra artifacts the tools write beside their JSON, packaged with --include-artifacts. */
    public static final List<String> SIDE_ARTIFACTS = List.of(
            "ga_kpi_summary.md", "ga_kpi_summary.json.sha256", "ws_health_metrics.json.sha256", "ws_health_metrics.md");

    public static final Pattern SNAPSHOT = Pattern.compile("snapshot_\\d{4,}\\.json");

    /**
     * Where the other tools write by default, under the working directory, in order of preference: kpi-collector
     * (-o default ga_kpis), ws-health as the GA-day layout runs it (ws_health) and by its own default (the working
     * directory, last), drift-detector (drift), slo-monitor (slo_monitor), kpi-collector validate (ga_validation).
     */
    public static final List<String> DEFAULT_LOCATIONS =
            List.of("ga_kpis", "ws_health", "drift", "slo_monitor", "ga_validation", ".");

    /**
     * What the default locations hold.
     *
     * @param directories the locations that hold at least one input, in order of preference
     * @param firstFound each input name (or "release") to the file in the first location that holds it: given as
     *                   an override, so that a name in two locations is the preferred one, not an error
     * @param snapshots the first location holding snapshot files, or null
     * @param found for people: "ga_kpis (ga_kpi_summary.json, 288 snapshots)"
     * @param notFound the locations that do not exist or hold no input
     */
    public record Defaults(
            List<Path> directories,
            Map<String, Path> firstFound,
            Path snapshots,
            List<String> found,
            List<String> notFound) {}

    /** Looks in the {@link #DEFAULT_LOCATIONS} under {@code base}; reads no file, follows no link. */
    public static Defaults findDefaults(Path base) {
        List<Path> directories = new ArrayList<>();
        Map<String, Path> firstFound = new LinkedHashMap<>();
        Path snapshotDirectory = null;
        List<String> found = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String location : DEFAULT_LOCATIONS) {
            Path dir = location.equals(".") ? base.resolve(".") : base.resolve(location);
            String shown = location.equals(".") ? "the current directory" : location + "/";
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                notFound.add(shown);
                continue;
            }
            List<String> names = new ArrayList<>();
            int snapshotCount = 0;
            for (Path file : list(dir)) {
                String name = file.getFileName().toString();
                if (DOCUMENTS.contains(name) || name.equals(VALIDATION_HTML) || RELEASE_NAMES.contains(name)) {
                    names.add(name);
                    firstFound.putIfAbsent(RELEASE_NAMES.contains(name) ? "release" : name, file);
                } else if (SNAPSHOT.matcher(name).matches()) {
                    snapshotCount++;
                }
            }
            if (snapshotCount > 0 && snapshotDirectory == null) {
                snapshotDirectory = dir;
            }
            if (names.isEmpty() && snapshotCount == 0) {
                notFound.add(shown);
                continue;
            }
            directories.add(dir);
            List<String> parts = new ArrayList<>(names);
            if (snapshotCount > 0) {
                parts.add(snapshotCount + " snapshot" + (snapshotCount == 1 ? "" : "s"));
            }
            found.add(shown + " (" + String.join(", ", parts) + ")");
        }
        return new Defaults(
                List.copyOf(directories),
                Map.copyOf(firstFound),
                snapshotDirectory,
                List.copyOf(found),
                List.copyOf(notFound));
    }

    private final Map<String, Path> named = new LinkedHashMap<>();
    private final List<Path> snapshots = new ArrayList<>();
    private final List<Path> sideArtifacts = new ArrayList<>();

    private InputFiles() {}

    /**
     * @param directories the --inputs directories, in order
     * @param overrides spec file name (or "release") to the file given by a per-file option
     * @param snapshotDirectory --snapshots DIR, or null
     */
    public static InputFiles locate(List<Path> directories, Map<String, Path> overrides, Path snapshotDirectory) {
        InputFiles files = new InputFiles();
        Map<String, Path> foundSnapshots = new LinkedHashMap<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                throw ToolException.usage("--inputs " + dir + " is not a directory");
            }
            for (Path file : list(dir)) {
                String name = file.getFileName().toString();
                if (isInputName(name, snapshotDirectory == null)) {
                    requireRegularFile(file);
                }
                if (DOCUMENTS.contains(name) || name.equals(VALIDATION_HTML) || RELEASE_NAMES.contains(name)) {
                    String key = RELEASE_NAMES.contains(name) ? "release" : name;
                    Path previous = files.named.putIfAbsent(key, file);
                    if (previous != null && overrides.get(key) == null) {
                        throw ToolException.usage(name + " found in two --inputs directories: " + previous.getParent()
                                + " and " + dir + " (give one with its own option)");
                    }
                } else if (SNAPSHOT.matcher(name).matches() && snapshotDirectory == null) {
                    Path previous = foundSnapshots.putIfAbsent(name, file);
                    if (previous != null) {
                        throw ToolException.usage(
                                name + " found in two --inputs directories: " + previous.getParent() + " and " + dir);
                    }
                } else if (SIDE_ARTIFACTS.contains(name)) {
                    files.sideArtifacts.add(file);
                }
            }
        }
        if (snapshotDirectory != null) {
            if (!Files.isDirectory(snapshotDirectory)) {
                throw ToolException.usage("--snapshots " + snapshotDirectory + " is not a directory");
            }
            for (Path file : list(snapshotDirectory)) {
                if (SNAPSHOT.matcher(file.getFileName().toString()).matches()) {
                    requireRegularFile(file);
                    foundSnapshots.put(file.getFileName().toString(), file);
                }
            }
        }
        for (Map.Entry<String, Path> override : overrides.entrySet()) {
            if (override.getValue() == null) {
                continue;
            }
            if (!Files.exists(override.getValue(), LinkOption.NOFOLLOW_LINKS)) {
                throw ToolException.usage("input file " + override.getValue() + " does not exist");
            }
            requireRegularFile(override.getValue());
            files.named.put(override.getKey(), override.getValue());
        }
        files.snapshots.addAll(foundSnapshots.values());
        files.snapshots.sort(Comparator.comparing(p -> p.getFileName().toString()));
        files.sideArtifacts.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    private static boolean isInputName(String name, boolean snapshots) {
        return DOCUMENTS.contains(name)
                || name.equals(VALIDATION_HTML)
                || RELEASE_NAMES.contains(name)
                || SIDE_ARTIFACTS.contains(name)
                || snapshots && SNAPSHOT.matcher(name).matches();
    }

    /** Stops the run (exit 4) unless {@code file} itself is a regular file; links are not followed. */
    static void requireRegularFile(Path file) {
        String problem = notRegularFile(file);
        if (problem != null) {
            throw ToolException.badInput(
                    "input " + file + " " + problem + "; inputs must be regular files (links are never followed)");
        }
    }

    /** What {@code file} is when it is not a regular file ("is a FIFO"), else null. Never follows a link. */
    static String notRegularFile(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw ToolException.badInput("cannot read the attributes of " + file + ": " + e.getMessage(), e);
        }
        if (attributes.isRegularFile()) {
            // A second name for a file elsewhere (ln /etc/shadow inputs/...) reads that file just as a
            // symbolic link would; the tools never write their files with more than one name.
            int names = linkCount(file);
            return names > 1 ? "is a hard link (one of " + names + " names of the same file)" : null;
        }
        if (attributes.isSymbolicLink()) {
            return "is a symbolic link";
        }
        if (attributes.isDirectory()) {
            return "is a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0010000:
                    return "is a FIFO (named pipe)";
                case 0020000:
                    return "is a character device";
                case 0060000:
                    return "is a block device";
                case 0140000:
                    return "is a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view: the generic words below must do.
        }
        return "is not a regular file";
    }

    private static int linkCount(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no unix view: nothing to tell
        }
    }

    /**
     * Opens an input for reading without following a link (O_NOFOLLOW): a file swapped for a link
     * after {@link #locate} checked it fails here instead of being read.
     */
    public static InputStream open(Path file) throws IOException {
        requireRegularFile(file);
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.sorted().toList();
        } catch (IOException e) {
            throw ToolException.badInput("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The file for a spec name (or "release"), if one was found or given. */
    public Optional<Path> get(String name) {
        return Optional.ofNullable(named.get(name));
    }

    public List<Path> snapshots() {
        return List.copyOf(snapshots);
    }

    public List<Path> sideArtifacts() {
        return List.copyOf(sideArtifacts);
    }
}
