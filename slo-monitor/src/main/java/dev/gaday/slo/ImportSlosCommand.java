package dev.gaday.slo;

import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.slo.imports.SpecImporter;
import dev.gaday.slo.spec.SloSpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Converts OpenSLO or Sloth specs to slos.yaml. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Converts an OpenSLO v1 or a Sloth prometheus/v1 spec to slos.yaml; the result is "
                    + "validated like any slos.yaml before it is written.",
            "Writes DIR/slos.yaml (-o DIR), or FILE (--output-file FILE).",
            "Exit: 0 written, 2 bad or unsupported input, 4 the file cannot be written."
        })
public final class ImportSlosCommand extends ToolCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--openslo", paramLabel = "FILE", description = "OpenSLO v1 file (kind: SLO documents).")
        Path openSlo;

        @Option(names = "--sloth", paramLabel = "FILE", description = "Sloth prometheus/v1 spec.")
        Path sloth;
    }

    static final String SLOS_FILE = "slos.yaml";

    @Mixin
    OutputDirMixin output;

    @Option(
            names = "--output-file",
            paramLabel = "FILE",
            description = "The slos.yaml to write, at this path (instead of -o DIR).")
    Path outputFile;

    /** Where the file goes; set by {@link #validate()}. */
    private Path target;

    @Override
    protected void validate() {
        Path requested = output.requested();
        if (outputFile != null && requested != null) {
            throw ToolException.usage("-o DIR and --output-file FILE are mutually exclusive");
        }
        if (outputFile == null && requested == null) {
            throw ToolException.usage("missing -o DIR (writes DIR/" + SLOS_FILE + ") or --output-file FILE");
        }
        if (outputFile != null) {
            target = outputFile;
        } else if (namesAFile(requested)) {
            // The old form: before -o meant a directory here too, 'import ... -o slos.yaml' wrote that file.
            diagnostics()
                    .warn("-o " + requested + ": -o FILE is deprecated (-o is an output directory in every "
                            + "tool); use --output-file " + requested);
            target = requested;
        }
    }

    /** An existing regular file, or a path that does not exist yet and is named like a YAML file. */
    private static boolean namesAFile(Path path) {
        if (Files.isDirectory(path)) {
            return false;
        }
        if (Files.isRegularFile(path)) {
            return true;
        }
        Path name = path.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return !Files.exists(path) && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
    }

    @Override
    protected ExitCode execute() {
        Map<String, Object> slos = source.openSlo != null
                ? SpecImporter.fromOpenSlo(source.openSlo)
                : SpecImporter.fromSloth(source.sloth);
        String yaml;
        try {
            yaml = Json.yaml().writeValueAsString(slos);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            SloSpecLoader.parse("imported", Json.yaml().readTree(yaml));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ToolException e) {
            throw ToolException.usage("the imported SLOs are not valid: " + e.getMessage());
        }
        Path file = target != null ? target : output.resolve(Path.of(".")).resolve(SLOS_FILE);
        AtomicFiles.writeString(file, yaml);
        diagnostics().info("wrote " + ((java.util.List<?>) slos.get("slos")).size() + " SLOs to " + file);
        return ExitCode.PASS;
    }
}
