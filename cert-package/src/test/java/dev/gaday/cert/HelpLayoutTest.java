package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gaday.common.cli.HelpText;
import dev.gaday.common.cli.ToolLauncher;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --help of the tool and its subcommands is wrapped by picocli, never broken mid-sentence by the source. */
class HelpLayoutTest {
    @Test
    void noHardLineBreaksInAnyHelp() {
        assertEquals(List.of(), HelpText.hardBreaks(ToolLauncher.newCommandLine(new BuildCertPackageCommand())));
    }
}
