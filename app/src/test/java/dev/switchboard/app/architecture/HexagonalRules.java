package dev.switchboard.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Switchboard's architecture rules, written once for any root package: the tests apply them to
 * {@code dev.switchboard} and, to prove each rule can fail, to small fixture trees that break it.
 */
final class HexagonalRules {

    private HexagonalRules() {
    }

    /** Adapters depend on the domain and never on each other; the domain on no adapter; app on no adapter. */
    static ArchRule adapters_depend_inwards_and_never_on_each_other(String root) {
        return onionArchitecture()
                .domainModels(root + ".domain.model..")
                .domainServices(root + ".domain.service..", root + ".domain.port..")
                .applicationServices(root + ".app..")
                .adapter("hamsa", root + ".adapters.hamsa..")
                .adapter("persistence", root + ".adapters.persistence..")
                .adapter("web", root + ".adapters.web..")
                .withOptionalLayers(true)
                .because("the hexagon: dependencies point inwards, and only app knows the adapters exist");
    }

    /** The domain is plain Java: no framework, no library, only the JDK and itself. */
    static ArchRule domain_depends_on_the_jdk_only(String root) {
        DescribedPredicate<JavaClass> jdkOrDomain = JavaClass.Predicates.resideInAnyPackage("java..", root + ".domain..")
                .or(DescribedPredicate.describe("primitive or array", c -> c.isPrimitive() || c.isArray()));
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat(jdkOrDomain)
                .because("core-domain must build and run with nothing but the JDK");
    }

    /** The web adapter drives the domain through use cases, never through out-ports or services. */
    static ArchRule web_uses_in_ports_and_never_out_ports(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters.web..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain.port.out..", root + ".domain.service..")
                .because("an incoming adapter talks to use cases (port.in), not to what the domain needs (port.out)");
    }

    static ArchRule no_package_cycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }
}
