package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.template.TemplateFiller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/placeholders.md documents every placeholder of the user's template and of ours. */
class PlaceholderDocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyPlaceholderIsDocumented() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/placeholders.md"));
        String user;
        try (var in = PlaceholderDocsTest.class.getResourceAsStream("/user-template-GA_DAY_REPORT.md")) {
            user = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Set<String> userNames = TemplateFiller.placeholders(user);
        assertEquals(185, userNames.size());
        assertEquals(52, userNames.stream().filter(TemplateFiller::isBlock).count());
        List<String> missing = new ArrayList<>();
        for (String name : userNames) {
            if (!docs.contains("| `" + name + "` |")) {
                missing.add(name);
            }
        }
        for (String name : TemplateFiller.placeholders(Files.readString(ROOT.resolve("templates/GA_DAY_REPORT.md")))) {
            if (!docs.contains("| `" + name + "` |")) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "undocumented placeholders: " + missing);
    }
}
