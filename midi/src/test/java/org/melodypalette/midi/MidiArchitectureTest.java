package org.melodypalette.midi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The midi module (music values, MIDI IO, audio rendering) depends on the JDK only. */
@AnalyzeClasses(packages = "org.melodypalette", importOptions = ImportOption.DoNotIncludeTests.class)
class MidiArchitectureTest {

    @ArchTest
    static final ArchRule jdkOnly = noClasses().should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "javax.sound.midi..", "javax.sound.sampled..", "org.melodypalette..");

    @ArchTest
    static final ArchRule onlyRenderingProducesAudio = noClasses().that().resideOutsideOfPackage("..midi.render..")
            .should().dependOnClassesThat().resideInAPackage("javax.sound.sampled..");

    @ArchTest
    static final ArchRule musicValuesArePure = noClasses().that().resideInAPackage("..music..")
            .should().dependOnClassesThat().resideInAnyPackage("javax..", "org.melodypalette.midi..");
}
