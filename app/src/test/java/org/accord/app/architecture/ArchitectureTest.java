package org.accord.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.accord.app.platform.failures.StorageFailure;
import org.accord.app.platform.failures.Unavailable;
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

    /** The runtimes: each mode's stores and adapters, chosen by configuration. */
    private static final String[] RUNTIMES = {"org.accord.query.runtime..", "org.accord.app.embedded..",
            "org.accord.app.production.."};

    /**
     * The product: every package of the application and the query model that is not a runtime, the platform's
     * plumbing, the wiring or the operator's tools. Defined by what it is not, so a feature added tomorrow is under
     * the rule without anyone remembering to list it.
     */
    private static final DescribedPredicate<JavaClass> FEATURES = resideInAnyPackage("org.accord.app..", "org.accord.query..")
            .and(not(resideInAnyPackage(RUNTIMES)))
            .and(not(resideInAnyPackage("org.accord.app.platform..", "org.accord.app.config..",
                    "org.accord.app.operations..", "org.accord.app.shared..")))
            .and(not(resideInAnyPackage("org.accord.app", "org.accord.query")))
            .as("a feature package");

    /**
     * The few platform types a feature may name: what a storage failure means for the client. Everything else of the
     * platform reaches the features through their own ports ({@code ReadModelStore}, {@code LedgerStore},
     * {@code LedgerSource}, {@code Witness}) or through {@code app.shared}'s {@code Commands} and {@code Queries}.
     */
    private static final DescribedPredicate<JavaClass> PLATFORM_PORTS = equivalentTo(StorageFailure.class)
            .or(equivalentTo(Unavailable.class));

    /**
     * The product apart from the platform: features use the stores through their ports and never name an adapter, a
     * runtime, the platform's plumbing (idempotency, read-your-writes, the aggregate cache, the witness file), the
     * operator's tools or the wiring, so the embedded and the production runtimes can swap stores under them.
     */
    @ArchTest
    static final ArchRule featuresNeverImportTheRuntimes = noClasses().that(FEATURES)
            .should().dependOnClassesThat(resideInAnyPackage(RUNTIMES)
                    .or(resideInAnyPackage("org.accord.app.platform..", "org.accord.app.config..",
                            "org.accord.app.operations..").and(not(PLATFORM_PORTS)))
                    .as("a runtime, the platform's plumbing, the operator's tools or the wiring"))
            .because("features know nothing of the mode; the runtimes are wired by configuration (DESIGN.md)");

    /**
     * A feature names no store's driver: SQL and the MongoDB client belong to the adapters of each runtime. (The read
     * models' documents and update language, Spring Data's {@code @Document} and {@code Update}, are the port's own
     * words and stay allowed.)
     */
    @ArchTest
    static final ArchRule featuresNeverTalkToAStoreDirectly = noClasses().that(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                    "org.sqlite..", "com.mongodb..", "org.bson..", "org.springframework.data.mongodb.core.convert..")
            .because("the person directory, the ledger and the read models reach their store through a port, "
                    + "whose adapters live in the runtimes");

    /** The plumbing both modes share knows neither of them: each mode plugs its adapters into it. */
    @ArchTest
    static final ArchRule thePlatformServesBothModes = noClasses().that()
            .resideInAnyPackage("org.accord.app.platform..", "org.accord.app.shared..")
            .should().dependOnClassesThat().resideInAnyPackage(RUNTIMES)
            .because("idempotency, read-your-writes and the witness work the same over either runtime");

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfTheWeb = noClasses().that()
            .areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.graphql..",
                    "org.springframework.web..", "org.springframework.security..", "org.springframework.data..")
            .because("aggregates decide from events and commands alone");
}
