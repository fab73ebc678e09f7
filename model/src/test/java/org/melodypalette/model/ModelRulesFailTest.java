package org.melodypalette.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each {@link ModelRules} rule fails on a fixture ({@code rulesfixture.<case>}, test classes) built to
 * break it, and passes on a fixture shaped like the model module (contract, engines, entry point).
 */
class ModelRulesFailTest {

    private static final String FIXTURES = "org.melodypalette.model.rulesfixture";

    private static final List<Function<String, ArchRule>> RULES = List.of(ModelRules::noPackageCycles,
            ModelRules::apiHoldsContractsOnly, ModelRules::entryPointsOnTop, ModelRules::enginesIsolated,
            ModelRules::tensorsOnlyInGraphAndTensorBoundary);

    @Test
    void everyRulePassesOnTheCleanFixture() {
        for (Function<String, ArchRule> rule : RULES) {
            EvaluationResult result = evaluate(rule, "clean");
            assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
        }
    }

    @Test
    void aContractThatNamesItsEntryPointIsACycle() {
        assertThat(report(ModelRules::noPackageCycles, "cycle")).contains("Cycle detected")
                .contains("cycle.api.Generator").contains("cycle.service.Generators");
        assertThat(report(ModelRules::apiHoldsContractsOnly, "cycle")).contains("cycle.service.Generators");
        assertThat(report(ModelRules::entryPointsOnTop, "cycle")).contains("cycle.api.Generator");
    }

    @Test
    void anEngineImportingAnotherFails() {
        assertThat(report(ModelRules::enginesIsolated, "crossengine"))
                .contains("crossengine.infer.Kernel").contains("crossengine.backprop.Step");
    }

    @Test
    void tensorsOutsideTheGraphAndDataFail() {
        assertThat(report(ModelRules::tensorsOnlyInGraphAndTensorBoundary, "tensors"))
                .contains("tensors.infer.Kernel").contains("INDArray");
    }

    /** The training loop hands ND4J work to the graph's side ({@code graphtrain}); it holds no arrays itself. */
    @Test
    void tensorsInTheTrainingLoopFail() {
        assertThat(report(ModelRules::tensorsOnlyInGraphAndTensorBoundary, "tensors"))
                .contains("tensors.train.Loop").contains("Nd4j")
                .doesNotContain("tensors.graphtrain.GraphStep");
    }

    private static String report(Function<String, ArchRule> rule, String fixture) {
        EvaluationResult result = evaluate(rule, fixture);
        assertThat(result.hasViolation()).as("rule on fixture " + fixture).isTrue();
        return result.getFailureReport().toString();
    }

    private static EvaluationResult evaluate(Function<String, ArchRule> rule, String fixture) {
        String root = FIXTURES + "." + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        return rule.apply(root).evaluate(classes);
    }
}
