package dev.gaday.dist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture the packages show, held across every module: no package cycles anywhere in the
 * toolkit, the tools share only {@code common}, and {@code common} knows no tool.
 */
class ArchitectureTest {
    private static final List<String> TOOLS = List.of("kpi", "ws", "drift", "slo", "cert");
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gaday");
    }

    @Test
    void noPackageCyclesAnywhere() {
        slices().matching("dev.gaday.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noToolImportsAnotherTool() {
        for (String tool : TOOLS) {
            String[] others = TOOLS.stream()
                    .filter(other -> !other.equals(tool))
                    .map(other -> "dev.gaday." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("dev.gaday." + tool + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void commonKnowsNoToolAndNothingShippedUsesTheTestkit() {
        String[] tools = TOOLS.stream().map(tool -> "dev.gaday." + tool + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage("dev.gaday.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(tools)
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.gaday.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gaday.testkit..")
                .check(classes);
    }
}
