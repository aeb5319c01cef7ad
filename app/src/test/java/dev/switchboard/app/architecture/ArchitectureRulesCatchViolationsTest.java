package dev.switchboard.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link HexagonalRules} fails on a small tree (under {@code dev.switchboard.archfixture})
 * that breaks it, and passes on a tree that keeps every rule: a rule that cannot fail guards nothing.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURES = "dev.switchboard.archfixture.";

    private static EvaluationResult evaluate(Function<String, ArchRule> rule, String fixture) {
        String root = FIXTURES + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        assertThat(classes).as("fixture %s has classes", fixture).isNotEmpty();
        return rule.apply(root).evaluate(classes);
    }

    /** The rule finds a violation in the fixture, and the report names the offending class. */
    private static void assertCaught(Function<String, ArchRule> rule, String fixture, String... offenders) {
        EvaluationResult result = evaluate(rule, fixture);
        assertThat(result.hasViolation()).as("%s breaks the rule", fixture).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offenders);
    }

    @Test
    void a_tree_that_keeps_the_rules_passes_them_all() {
        assertThat(evaluate(HexagonalRules::adapters_depend_inwards_and_never_on_each_other, "clean").hasViolation()).isFalse();
        assertThat(evaluate(HexagonalRules::domain_depends_on_the_jdk_only, "clean").hasViolation()).isFalse();
        assertThat(evaluate(HexagonalRules::web_uses_in_ports_and_never_out_ports, "clean").hasViolation()).isFalse();
        assertThat(evaluate(HexagonalRules::no_package_cycles, "clean").hasViolation()).isFalse();
    }

    @Test
    void an_adapter_using_another_adapter_breaks_the_hexagon() {
        assertCaught(HexagonalRules::adapters_depend_inwards_and_never_on_each_other, "adaptertoadapter", "WebResourceUsingRows");
    }

    @Test
    void the_domain_using_an_adapter_breaks_the_hexagon() {
        assertCaught(HexagonalRules::adapters_depend_inwards_and_never_on_each_other, "domaintoadapter", "ServiceUsingClient");
    }

    @Test
    void app_using_an_adapter_class_breaks_the_hexagon() {
        assertCaught(HexagonalRules::adapters_depend_inwards_and_never_on_each_other, "apptoadapter", "WiringUsingAdapterClass");
    }

    @Test
    void the_domain_using_a_framework_type_breaks_jdk_only() {
        assertCaught(HexagonalRules::domain_depends_on_the_jdk_only, "domainonframework", "ModelWithInject");
    }

    @Test
    void the_web_adapter_using_an_out_port_breaks_the_in_port_rule() {
        assertCaught(HexagonalRules::web_uses_in_ports_and_never_out_ports, "webtooutport", "ResourceUsingRepository");
    }

    @Test
    void two_packages_using_each_other_break_the_cycle_rule() {
        assertCaught(HexagonalRules::no_package_cycles, "cycle", "First", "Second");
    }
}
