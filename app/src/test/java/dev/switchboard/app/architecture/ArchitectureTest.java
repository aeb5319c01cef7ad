package dev.switchboard.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules on Switchboard's own production classes, every module's, as app sees them on its class path. */
class ArchitectureTest {

    private static final String ROOT = "dev.switchboard";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // Test classes (this module's, and the core-domain test-jar's fakes and contracts) are not production.
        ImportOption productionOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        production = new ClassFileImporter().withImportOption(productionOnly).importPackages(ROOT);
    }

    @Test
    void production_code_has_all_six_kinds_of_class() {
        // Guards the rules below against passing vacuously on an empty or partial import.
        org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()).distinct())
                .contains(ROOT + ".domain.model", ROOT + ".domain.port.in", ROOT + ".domain.port.out",
                        ROOT + ".domain.service", ROOT + ".adapters.hamsa", ROOT + ".adapters.persistence",
                        ROOT + ".adapters.web", ROOT + ".app");
    }

    @Test
    void adapters_depend_inwards_and_never_on_each_other() {
        HexagonalRules.adapters_depend_inwards_and_never_on_each_other(ROOT).check(production);
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        HexagonalRules.domain_depends_on_the_jdk_only(ROOT).check(production);
    }

    @Test
    void web_uses_in_ports_and_never_out_ports() {
        HexagonalRules.web_uses_in_ports_and_never_out_ports(ROOT).check(production);
    }

    @Test
    void no_package_cycles() {
        HexagonalRules.no_package_cycles(ROOT).check(production);
    }
}
