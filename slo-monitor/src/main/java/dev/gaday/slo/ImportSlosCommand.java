package dev.gaday.slo;

import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.io.AtomicFiles;
import dev.gaday.common.json.Json;
import dev.gaday.slo.imports.SpecImporter;
import dev.gaday.slo.spec.SloSpecLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Converts OpenSLO or Sloth specs to slos.yaml. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Converts an OpenSLO v1 or a Sloth prometheus/v1 spec to slos.yaml; the result is "
                    + "validated like any slos.yaml before it is written.",
            "Exit: 0 written, 2 bad or unsupported input."
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

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "The slos.yaml to write.")
    Path output;

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
        AtomicFiles.writeString(output, yaml);
        diagnostics().info("wrote " + ((java.util.List<?>) slos.get("slos")).size() + " SLOs to " + output);
        return ExitCode.PASS;
    }
}
