package dev.gaday.cert.report;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.template.TemplateFiller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;

/** A report template: its text, its placeholders, and which of them stand under a table header. */
public record ReportTemplate(String name, String text, Set<String> placeholders, Set<String> tableRows) {
    /** Our default template, bundled in the jar (a copy of templates/GA_DAY_REPORT.md). */
    public static final String DEFAULT_RESOURCE = "/dev/gaday/cert/templates/GA_DAY_REPORT.md";

    public ReportTemplate {
        placeholders = Set.copyOf(placeholders);
        tableRows = Set.copyOf(tableRows);
    }

    public static ReportTemplate bundled() {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default template is missing from the jar");
            }
            return of("default (templates/GA_DAY_REPORT.md)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled template", e);
        }
    }

    public static ReportTemplate read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return of(file.getFileName().toString(), text);
        } catch (NoSuchFileException e) {
            throw ToolException.usage("--template " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw ToolException.badInput("--template " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw ToolException.badInput("--template " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static ReportTemplate of(String name, String text) {
        String normalised = text.replace("\r\n", "\n");
        Set<String> tableRows = new LinkedHashSet<>();
        String[] lines = normalised.split("\n", -1);
        String previous = "";
        for (String line : lines) {
            Matcher matcher = TemplateFiller.PLACEHOLDER.matcher(line.strip());
            if (matcher.matches() && previous.strip().startsWith("|")) {
                tableRows.add(matcher.group(1));
            }
            if (!line.isBlank()) {
                previous = line;
            }
        }
        return new ReportTemplate(name, normalised, TemplateFiller.placeholders(normalised), tableRows);
    }
}
