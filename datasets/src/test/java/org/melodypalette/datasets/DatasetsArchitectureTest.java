package org.melodypalette.datasets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Datasets turn corpora into label windows: no tensors, no UI. */
@AnalyzeClasses(packages = "org.melodypalette.datasets", importOptions = ImportOption.DoNotIncludeTests.class)
class DatasetsArchitectureTest {

    @ArchTest
    static final ArchRule noTensorsOrUi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "javafx..");
}
