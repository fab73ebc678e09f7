package org.melodypalette.midi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The midi module (music values, MIDI IO) depends on the JDK only. */
@AnalyzeClasses(packages = "org.melodypalette", importOptions = ImportOption.DoNotIncludeTests.class)
class MidiArchitectureTest {

    @ArchTest
    static final ArchRule jdkOnly = noClasses().should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "javax.sound.midi..", "org.melodypalette..");

    @ArchTest
    static final ArchRule musicValuesArePure = noClasses().that().resideInAPackage("..music..")
            .should().dependOnClassesThat().resideInAnyPackage("javax..", "org.melodypalette.midi..");
}
