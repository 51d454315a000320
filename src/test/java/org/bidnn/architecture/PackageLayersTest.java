package org.bidnn.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of the code, from its compiled classes: the faces (the command line and the Spark ML
 * API) over the jobs over the cores, and no package in a cycle with another.
 */
class PackageLayersTest {

    private static final String[] CORES = {"org.bidnn.model..", "org.bidnn.train..", "org.bidnn.embed..",
        "org.bidnn.rank..", "org.bidnn.eval..", "org.bidnn.baselines..", "org.bidnn.samples..", "org.bidnn.io..",
        "org.bidnn.spark.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bidnn");

    @Test
    void facesOverJobsOverCores() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("command line").definedBy("org.bidnn.cli..")
                .layer("Spark ML").definedBy("org.bidnn.ml..")
                .layer("jobs").definedBy("org.bidnn.jobs..")
                .layer("cores").definedBy(CORES)
                .whereLayer("command line").mayNotBeAccessedByAnyLayer()
                .whereLayer("Spark ML").mayNotBeAccessedByAnyLayer()
                .whereLayer("jobs").mayOnlyBeAccessedByLayers("command line")
                .check(MAIN);
    }

    @Test
    void noPackageIsInACycle() {
        slices().matching("org.bidnn.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
