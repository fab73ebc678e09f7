package org.melodypalette.app.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.melodypalette.app.workbench.model.LoadedModel;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.model.api.MelodyContinuer;
import org.melodypalette.model.api.MelodyGenerator;

/**
 * The workbench reaches the models only through ModelSession and ContinuationSession, whose calls run
 * on the task runner: only the model package may hold a generator or a continuer (so no view model can
 * call one on the UI thread by keeping it around), only it opens checkpoints, and views never see
 * either at all.
 */
@AnalyzeClasses(packages = "org.melodypalette.app.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkbenchArchitectureTest {

    private static final String MODEL_PACKAGE = "org.melodypalette.app.workbench.model";

    @ArchTest
    static final ArchRule onlyTheSessionHoldsAModel = noFields()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage(MODEL_PACKAGE)
            .should().haveRawType(MelodyGenerator.class)
            .orShould().haveRawType(LoadedModel.class)
            .orShould().haveRawType(MelodyContinuer.class);

    @ArchTest
    static final ArchRule onlyTheSessionOpensCheckpoints = noClasses()
            .that().resideOutsideOfPackage(MODEL_PACKAGE)
            .should().callMethod(ModelLoader.class, "open", java.nio.file.Path.class)
            .orShould().callMethod(MelodyContinuer.class, "open", java.nio.file.Path.class);

    @ArchTest
    static final ArchRule viewsNeverSeeTheGenerator = noClasses().that().areAssignableTo(javafx.scene.Node.class)
            .should().dependOnClassesThat().areAssignableTo(MelodyGenerator.class)
            .orShould().dependOnClassesThat().areAssignableTo(LoadedModel.class)
            .orShould().dependOnClassesThat().areAssignableTo(MelodyContinuer.class);

    /** The root package wires the features together; views live in their feature packages. */
    @ArchTest
    static final ArchRule theRootPackageHoldsWiringOnly = classes()
            .that().resideInAPackage("org.melodypalette.app.workbench")
            .and().areAssignableTo(javafx.scene.Node.class)
            .should().haveSimpleName("WorkbenchView");

    /** Feature packages (editor, latent, model, transfer…) do not depend on each other in a circle. */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("org.melodypalette.app.workbench.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
