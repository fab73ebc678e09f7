package org.melodypalette.tokenizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The tokenizer is pure: music values in, labels out; no tensors, no UI. */
@AnalyzeClasses(packages = "org.melodypalette.tokenizer", importOptions = ImportOption.DoNotIncludeTests.class)
class TokenizerArchitectureTest {

    @ArchTest
    static final ArchRule noTensorsOrUi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "javafx..", "javax.sound..");
}
