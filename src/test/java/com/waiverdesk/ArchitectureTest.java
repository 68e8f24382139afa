package com.waiverdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Holds the layering of docs/style: faces (ui, cli) → app → verification, audit, mock → domain, and keeps the toolkit
 * in the window. Packages still empty are allowed, so the rules hold as code arrives.
 */
@AnalyzeClasses(packages = "com.waiverdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String DOMAIN = "com.waiverdesk.domain..";
    private static final String UI = "com.waiverdesk.ui..";
    private static final String CLI = "com.waiverdesk.cli..";
    private static final String APP = "com.waiverdesk.app..";
    private static final String VERIFICATION = "com.waiverdesk.verification..";
    private static final String AUDIT = "com.waiverdesk.audit..";
    private static final String MOCK = "com.waiverdesk.mock..";
    /** Only {@code Main}, which picks the face, lives here. */
    private static final String ROOT = "com.waiverdesk";

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkWithoutIo = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(resideInAnyPackage(DOMAIN, "java..")
                    .and(not(resideInAnyPackage("java.sql..", "java.io..", "java.nio.file..", "java.net..",
                            "java.awt..", "java.util.logging.."))))
            .because("the rules of the product are pure Java: no I/O, no toolkit, none of our other packages");

    @ArchTest
    static final ArchRule domainTakesTimeAsInput = noClasses().that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(target(name("now")).or(target(name("currentTimeMillis"))))
            .because("a decision must depend only on what it is given (checkedAt, today), never on a hidden clock");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Main").definedBy(ROOT)
            .layer("UI").definedBy(UI)
            .layer("CLI").definedBy(CLI)
            .layer("App").definedBy(APP)
            .layer("Verification").definedBy(VERIFICATION)
            .layer("Audit").definedBy(AUDIT)
            .layer("Mock").definedBy(MOCK)
            .layer("Domain").definedBy(DOMAIN)
            // the CLI's gui command may open the window; the window never runs a command
            .whereLayer("UI").mayOnlyBeAccessedByLayers("Main", "CLI")
            .whereLayer("CLI").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("App").mayOnlyBeAccessedByLayers("Main", "UI", "CLI")
            // the mock shares the client's RequestSigner
            .whereLayer("Verification").mayOnlyBeAccessedByLayers("Main", "UI", "CLI", "App", "Mock")
            .whereLayer("Audit").mayOnlyBeAccessedByLayers("Main", "UI", "CLI", "App")
            .whereLayer("Mock").mayOnlyBeAccessedByLayers("Main", "UI", "CLI", "App")
            .whereLayer("Domain").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule nothingButMainDependsOnAFace = noClasses()
            .that().resideOutsideOfPackages(UI, CLI, ROOT)
            .should().dependOnClassesThat().resideInAnyPackage(UI, CLI)
            .allowEmptyShould(true)
            .because("the check lives once, in app, so the window and the check command cannot drift apart");

    @ArchTest
    static final ArchRule servicesDoNotDependOnApp = noClasses()
            .that().resideInAnyPackage(VERIFICATION, AUDIT, MOCK)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule realServicesDoNotDependOnTheMock = noClasses()
            .that().resideInAnyPackage(VERIFICATION, AUDIT)
            .should().dependOnClassesThat().resideInAPackage(MOCK)
            .allowEmptyShould(true)
            .because("the mock is chosen in Wiring; the real client must not know it exists");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheToolkit = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel").and().resideInAPackage(UI)
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..", "org.controlsfx..")
            .allowEmptyShould(true)
            .because("view models use javafx.beans and javafx.collections only, so they are tested without a window");

    @ArchTest
    static final ArchRule onlyTheWindowUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat(resideInAPackage("javafx..").or(resideInAPackage("org.controlsfx..")))
            .because("the headless commands and the services must run without a toolkit; Main launches the window"
                    + " through a ui class");

    @ArchTest
    static final ArchRule noExtraLoggingLibrary = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "org.apache.logging..",
                    "org.apache.commons.logging..", "ch.qos.logback..")
            .because("logging goes through System.Logger onto java.util.logging");
}
