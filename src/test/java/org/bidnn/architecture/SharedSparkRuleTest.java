package org.bidnn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.spark.sql.SparkSession;
import org.bidnn.spark.SparkSessions;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The unit tests share one Spark session ({@link SharedSpark}): a test class that started its own
 * or stopped the shared one would fail every Spark test that runs after it, depending on the order.
 * The cluster tests, which start real clusters and their own applications, are not unit tests.
 */
class SharedSparkRuleTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.bidnn");

    @Test
    void noUnitTestStartsOrStopsASessionOfItsOwn() {
        noClasses().that().resideOutsideOfPackage("org.bidnn.cluster..")
                .and().doNotBelongToAnyOf(SharedSpark.class)
                .should().callMethod(SparkSession.class, "stop")
                .orShould().callMethod(SparkSessions.class, "getOrCreate", String.class, String.class)
                .because("the unit tests share SharedSpark.session()")
                .check(TESTS);
    }
}
