package io.bulkcall;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * A type of bulkcall is public only where a class of another package uses it, a test included; every
 * other one is package-private, so that a package's insides are its own.
 */
@AnalyzeClasses(packages = "io.bulkcall")
class PackagePrivacyTest {

    private static final ImportOption MAIN = new ImportOption.DoNotIncludeTests();

    private static final DescribedPredicate<JavaClass> OF_THE_APPLICATION = DescribedPredicate.describe(
            "of the application", type -> type.getSource().map(source -> MAIN.includes(Location.of(source.getUri()))).orElse(false));

    @ArchTest
    static final ArchRule aPublicTypeIsUsedOutsideItsPackage = classes().that(OF_THE_APPLICATION)
        .and()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveFullyQualifiedName(BulkcallApplication.class.getName())
        .should(new ArchCondition<>("be used by a class of another package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean usedOutside = type.getDirectDependenciesToSelf()
                    .stream()
                    .anyMatch(dependency -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
                if (!usedOutside) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is public but used only in its package; make it package-private"));
                }
            }
        });
}
