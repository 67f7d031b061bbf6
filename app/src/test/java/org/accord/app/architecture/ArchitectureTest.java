package org.accord.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The directions the design depends on, checked on every build: app → query-model → api, and nothing back. */
@AnalyzeClasses(packages = "org.accord", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theApiSpeaksPlainJavaOnly = classes().that().resideInAPackage("org.accord.api..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("org.accord.api..", "java..")
                    .or(equivalentTo(TargetAggregateIdentifier.class)))
            .because("messages are the shared language: records of plain java.* types (DESIGN.md)");

    @ArchTest
    static final ArchRule theApiKnowsNothingOfTheOtherModules = noClasses().that().resideInAPackage("org.accord.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.accord.query..", "org.accord.app..");

    @ArchTest
    static final ArchRule theQueryModelDoesNotReachIntoTheApplication = noClasses().that()
            .resideInAPackage("org.accord.query..")
            .should().dependOnClassesThat().resideInAPackage("org.accord.app..");

    @ArchTest
    static final ArchRule theQueryModelNeverSendsCommands = noClasses().that().resideInAPackage("org.accord.query..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule applicationFeaturesAreFreeOfCycles = slices().matching("org.accord.app.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule queryModelFeaturesAreFreeOfCycles = slices().matching("org.accord.query.(*)..")
            .should().beFreeOfCycles();

    /**
     * The product apart from the platform: features use the read-model store through its port
     * ({@code org.accord.query.shared.ReadModelStore}) and never name an adapter or a runtime, so the embedded and the
     * production runtimes can swap stores under them.
     */
    @ArchTest
    static final ArchRule featuresNeverImportTheRuntimes = noClasses().that()
            .resideInAnyPackage("org.accord.query.audit..", "org.accord.query.proposal..",
                    "org.accord.query.rules..", "org.accord.query.standard..", "org.accord.query.team..",
                    "org.accord.query.trust..", "org.accord.query.variation..", "org.accord.query.shared..",
                    "org.accord.app.audit..", "org.accord.app.boardpack..", "org.accord.app.person..",
                    "org.accord.app.proposal..", "org.accord.app.standard..", "org.accord.app.team..",
                    "org.accord.app.trust..", "org.accord.app.variation..", "org.accord.app.graphql..")
            .should().dependOnClassesThat().resideInAnyPackage("org.accord.query.runtime..",
                    "org.accord.app.embedded..", "org.accord.app.production..")
            .because("features know nothing of the mode; the runtimes are wired by configuration (DESIGN.md)");

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfTheWeb = noClasses().that()
            .areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.graphql..",
                    "org.springframework.web..", "org.springframework.security..", "org.springframework.data..")
            .because("aggregates decide from events and commands alone");
}
