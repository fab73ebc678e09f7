package org.melodypalette.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering inside the model module (docs/DESIGN.md); the package rules are in {@link ModelRules}. */
@AnalyzeClasses(packages = "org.melodypalette.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

    private static final String ROOT = "org.melodypalette.model";

    @ArchTest
    static final ArchRule noUi = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule configIsPlainData = noClasses().that().resideInAPackage("..model.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..",
                    "org.melodypalette.music..");

    @ArchTest
    static final ArchRule noPackageCycles = ModelRules.noPackageCycles(ROOT);

    @ArchTest
    static final ArchRule apiHoldsContractsOnly = ModelRules.apiHoldsContractsOnly(ROOT);

    @ArchTest
    static final ArchRule entryPointsOnTop = ModelRules.entryPointsOnTop(ROOT);

    @ArchTest
    static final ArchRule enginesIsolated = ModelRules.enginesIsolated(ROOT);

    @ArchTest
    static final ArchRule tensorsOnlyInGraphAndTensorBoundary = ModelRules.tensorsOnlyInGraphAndTensorBoundary(ROOT);

    /** The CPU math knows nothing of the engines: only itself and the compute options. */
    @ArchTest
    static final ArchRule cpuMathStandsAlone = classes().that().resideInAPackage("..model.cpu..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.incubator.vector..",
                    "org.slf4j..", "..model.cpu..", "..model.config..");

    @ArchTest
    static final ArchRule layersReadOnlyTheConfig = classes().that().resideInAPackage("..model.layers..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..model.layers..", "..model.config..");
}
