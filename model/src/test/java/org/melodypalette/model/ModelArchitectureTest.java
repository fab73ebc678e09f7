package org.melodypalette.model;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering inside the model module (docs/DESIGN.md). */
@AnalyzeClasses(packages = "org.melodypalette.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

    @ArchTest
    static final ArchRule noUi = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule apiHasNoTensors = noClasses().that().resideInAPackage("..model.api")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..");

    @ArchTest
    static final ArchRule configIsPlainData = noClasses().that().resideInAPackage("..model.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..",
                    "org.melodypalette.music..");

    /**
     * No cycles between the model's packages. {@code model.api} is left out: it is still both the
     * facade and the shared types, and so both above and below the engines (issue 18).
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.melodypalette.model.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("..model.api.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage("..model.api.."));

    @ArchTest
    static final ArchRule inferenceDoesNotUseTheTrainingStep = noClasses().that().resideInAPackage("..model.infer..")
            .should().dependOnClassesThat().resideInAnyPackage("..model.backprop..", "..model.net..");

    @ArchTest
    static final ArchRule trainingStepDoesNotUseInference = noClasses().that().resideInAPackage("..model.backprop..")
            .should().dependOnClassesThat().resideInAnyPackage("..model.infer..", "..model.net..");

    /** The CPU math knows nothing of the engines: only itself and the compute options. */
    @ArchTest
    static final ArchRule cpuMathStandsAlone = classes().that().resideInAPackage("..model.cpu..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.incubator.vector..",
                    "org.slf4j..", "..model.cpu..", "..model.config..");

    @ArchTest
    static final ArchRule layersReadOnlyTheConfig = classes().that().resideInAPackage("..model.layers..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..model.layers..", "..model.config..");

    @ArchTest
    static final ArchRule tensorsOnlyInGraphDataAndTraining = noClasses()
            .that().resideOutsideOfPackages("..model.net..", "..model.data..", "..model.train..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..");
}
