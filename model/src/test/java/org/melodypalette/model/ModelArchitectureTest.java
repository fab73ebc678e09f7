package org.melodypalette.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering inside the model module (see STYLE.md §4). */
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
}
