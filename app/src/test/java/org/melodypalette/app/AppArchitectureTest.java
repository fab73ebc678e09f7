package org.melodypalette.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app (workbench and CLI) reaches the model only through its contracts (model.api) and entry
 * points (model.service): no tensors, no network.
 * The one exception is {@code palette bench}, which runs the model module's benchmark.
 */
@AnalyzeClasses(packages = "org.melodypalette.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {

    @ArchTest
    static final ArchRule noTensors = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..");

    @ArchTest
    static final ArchRule modelOnlyThroughApiAndEntryPoints = noClasses().should().dependOnClassesThat(
            resideInAPackage("org.melodypalette.model..")
                    .and(DescribedPredicate.not(resideInAnyPackage("org.melodypalette.model.api..",
                            "org.melodypalette.model.service..", "org.melodypalette.model.bench.."))));

    @ArchTest
    static final ArchRule onlyTheCliRunsBenchmarks = noClasses().that().resideOutsideOfPackage("..app.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.melodypalette.model.bench..")
            .allowEmptyShould(true);
}
