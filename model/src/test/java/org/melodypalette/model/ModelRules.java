package org.melodypalette.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.Set;

/**
 * The model module's package rules over a root package: {@code org.melodypalette.model} in
 * {@link ModelArchitectureTest}, and small fixtures with deliberate violations in
 * {@link ModelRulesFailTest}, which shows that each rule can fail.
 */
final class ModelRules {

    /** The three engines that run MusicVAE's math: inference kernel, hand-written training step, SameDiff graph. */
    static final Set<String> ENGINES = Set.of("infer", "backprop", "net");

    private ModelRules() {
    }

    /** No cycles between the root's packages, {@code api} included. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** {@code api} holds contracts only: of our code its types use each other, music values and the vocabulary. */
    static ArchRule apiHoldsContractsOnly(String root) {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".api..",
                        "org.melodypalette.music..", "org.melodypalette.tokenizer..",
                        "com.fasterxml.jackson.annotation..");
    }

    /** The entry points ({@code service}) sit on top: only they and the benchmarks use them. */
    static ArchRule entryPointsOnTop(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".service..", root + ".bench..")
                .should().dependOnClassesThat().resideInAPackage(root + ".service..");
    }

    /** No engine imports another; what they share lives in {@code cpu}, {@code layers} and {@code config}. */
    static ArchRule enginesIsolated(String root) {
        DescribedPredicate<Slice> engines = DescribedPredicate.describe("are engines " + ENGINES,
                slice -> ENGINES.contains(slice.getNamePart(1)));
        return slices().matching(root + ".(*)..").that(engines).should().notDependOnEachOther();
    }

    /**
     * ND4J only in the graph ({@code net}), its training side ({@code graphtrain}: the graph's step, the
     * engine choice) and the tensor boundary ({@code data}); the training loop ({@code train}) is not among them.
     */
    static ArchRule tensorsOnlyInGraphAndTensorBoundary(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".net..", root + ".graphtrain..", root + ".data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..");
    }
}
