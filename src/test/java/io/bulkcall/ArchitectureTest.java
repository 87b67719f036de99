package io.bulkcall;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering ARCHITECTURE.md describes, as rules over bulkcall's own classes (the tests' left out):
 * what each package may use, and that no two packages need each other. A class that breaks one fails
 * the build with the dependency named.
 */
@AnalyzeClasses(packages = "io.bulkcall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages that know nothing of Spring Batch or of the job: each could be a library of its own. */
    private static final String[] FOUNDATIONS = { "io.bulkcall.time..", "io.bulkcall.csv..", "io.bulkcall.input..", "io.bulkcall.window..",
            "io.bulkcall.config..", "io.bulkcall.validation..", "io.bulkcall.cartesia..", "io.bulkcall.database..",
            "io.bulkcall.sandbox.." };

    /** The job's stages: each depends on the store and the job instance, none on another's flow or on the reports. */
    private static final String[] STAGES = { "io.bulkcall.job.staging..", "io.bulkcall.job.submit..",
            "io.bulkcall.job.calls..", "io.bulkcall.job.progress..", "io.bulkcall.job.launch.." };

    private static final String[] JDBC = { "java.sql..", "javax.sql..", "org.springframework.jdbc.." };

    @ArchTest
    static final ArchRule noPackageNeedsAnotherThatNeedsIt = slices().matching("io.bulkcall.(**)")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule foundationsKnowNothingOfSpringBatchOrTheJob = noClasses().that()
        .resideInAnyPackage(FOUNDATIONS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.batch..", "io.bulkcall.job..", "io.bulkcall.report..",
                "io.bulkcall.cli..");

    @ArchTest
    static final ArchRule theMetricsKnowNothingOfSpringBatchOrTheJob = noClasses().that()
        .resideInAPackage("io.bulkcall.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.batch..", "io.bulkcall.job..", "io.bulkcall.report..",
                "io.bulkcall.cli..");

    /** The job, its reports and the command line say what happened; a foundation has nothing to count. */
    @ArchTest
    static final ArchRule foundationsCountNothing = noClasses().that()
        .resideInAnyPackage(FOUNDATIONS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.bulkcall.metrics..");

    @ArchTest
    static final ArchRule onlyTheJobAndItsReportsUseSpringBatch = noClasses().that()
        .resideOutsideOfPackages("io.bulkcall.job..", "io.bulkcall.report..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.batch..");

    @ArchTest
    static final ArchRule onlyTheStoreTheReportQueryAndTheDatabaseUseJdbc = noClasses().that()
        .resideOutsideOfPackages("io.bulkcall.job.store..", "io.bulkcall.database..")
        .and()
        .doNotHaveFullyQualifiedName("io.bulkcall.report.ReportQuery")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(JDBC);

    @ArchTest
    static final ArchRule cartesiaKnowsNothingOfTheJob = noClasses().that()
        .resideInAPackage("io.bulkcall.cartesia..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.bulkcall.job..", "io.bulkcall.report..", "io.bulkcall.sandbox..");

    @ArchTest
    static final ArchRule theSandboxIsUsedOnlyByItsOwnProfileAndTheTests = noClasses().that()
        .resideOutsideOfPackage("io.bulkcall.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.bulkcall.sandbox..");

    @ArchTest
    static final ArchRule nothingDependsOnTheJobsFlowButSpring = noClasses().that()
        .resideOutsideOfPackage("io.bulkcall.job")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.bulkcall.job");

    @ArchTest
    static final ArchRule theStoreKnowsNoStageAndNoReport = noClasses().that()
        .resideInAPackage("io.bulkcall.job.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(STAGES, "io.bulkcall.report..", "io.bulkcall.cli.."));

    @ArchTest
    static final ArchRule theJobInstanceKnowsNoStageNoStoreAndNoReport = noClasses().that()
        .resideInAPackage("io.bulkcall.job.instance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(STAGES, "io.bulkcall.job.store..", "io.bulkcall.report..", "io.bulkcall.cli.."));

    @ArchTest
    static final ArchRule theReportsKnowNoStage = noClasses().that()
        .resideInAPackage("io.bulkcall.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(STAGES, "io.bulkcall.cli.."));

    @ArchTest
    static final ArchRule theStagesKnowNoReport = noClasses().that()
        .resideInAnyPackage(STAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.bulkcall.report..", "io.bulkcall.cli..");

    private static String[] concat(String[] packages, String... more) {
        String[] all = new String[packages.length + more.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }
}
