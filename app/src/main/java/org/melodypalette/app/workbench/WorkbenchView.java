package org.melodypalette.app.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.melodypalette.app.workbench.continuation.ContinuationPane;
import org.melodypalette.app.workbench.editor.EditorPane;
import org.melodypalette.app.workbench.editor.EditorViewModel;
import org.melodypalette.app.workbench.editor.Tool;
import org.melodypalette.app.workbench.latent.CompareSpacesPane;
import org.melodypalette.app.workbench.latent.GeneratePane;
import org.melodypalette.app.workbench.latent.InterpolationPane;
import org.melodypalette.app.workbench.latent.PalettePane;
import org.melodypalette.app.workbench.lane.LanePane;
import org.melodypalette.app.workbench.model.ModelDescription;
import org.melodypalette.app.workbench.model.ModelPane;
import org.melodypalette.app.workbench.theme.RollColors;
import org.melodypalette.app.workbench.theme.Theme;
import org.melodypalette.app.workbench.train.TrainingWindow;
import org.melodypalette.app.workbench.transfer.ClipTransfer;
import org.melodypalette.music.Melody;

/**
 * The main window's content: menus, the editor, the latent tools in tabs, and the status bar. Builds
 * views over a {@link Workbench}; owns only view concerns (file choosers, shortcuts, drag and drop).
 */
public final class WorkbenchView extends BorderPane {

    public static final String TITLE = "Melody Palette";

    private final Workbench workbench;
    private final ClipTransfer transfer;
    private final ClipHandOff handOff;
    private final EditorPane editorPane;
    private final InterpolationPane interpolationPane;
    private final LanePane lanePane;
    private final ContinuationPane continuationPane;
    private final TabPane tabs = new TabPane();
    private final AnimationTimer cursorTimer;
    private final TrainingWindow trainingWindow;

    public WorkbenchView(Workbench workbench) {
        this.workbench = workbench;
        Theme.saved(Theme.preferences()).apply();
        this.transfer = transferOf(workbench, this::window);
        this.handOff = new ClipHandOff(transfer, workbench.transport(), workbench.editor(), workbench.interpolation(),
                workbench.lane(), workbench.status());
        this.trainingWindow = new TrainingWindow(workbench.training(),
                WorkbenchView.class.getResource("workbench.css").toExternalForm());
        editorPane = new EditorPane(workbench.editor(), workbench.transport(), handOff);
        editorPane.roll().rowHeightProperty().bindBidirectional(workbench.rowHeightProperty());
        interpolationPane = new InterpolationPane(workbench.interpolation(), workbench.transport(), handOff);
        Supplier<Melody> clip = () -> workbench.editor().getMelody();
        continuationPane = new ContinuationPane(workbench.continuation(), handOff);
        tabs.getTabs().addAll(
                tab("Interpolate", "tabInterpolate", interpolationPane),
                tab("Palette", "tabPalette", new PalettePane(workbench.palette(), workbench.interpolation(), workbench.transport(),
                        handOff, clip, melodies -> workbench.lane().replaceAll(melodies))),
                tab("Generate", "tabGenerate",
                        new GeneratePane(workbench.generate(), workbench.session().infoProperty(), handOff, clip)),
                tab("Continue", "tabContinue", continuationPane),
                tab("Data vs latent", "tabCompare", new CompareSpacesPane(workbench.interpolation())),
                tab("Model", "tabModel", new ModelPane(workbench.session(), workbench.bundledModels(),
                        workbench.training().trainedModels(), workbench::openModel, workbench.home(),
                        this::chooseCheckpoint, this::openTraining)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lanePane = new LanePane(workbench.lane(), workbench.transport(), handOff, transfer::dropIntoLane);
        BorderPane editorArea = new BorderPane(editorPane);
        editorArea.setBottom(lanePane);
        editorPane.addTransportControls(recordButton());
        SplitPane split = new SplitPane(editorArea, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
        setTop(menus());
        setCenter(split);
        setBottom(statusBar());
        getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
        cursorTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                workbench.transport().tick();
            }
        };
        cursorTimer.start();
        transfer.installDropTarget(this);
    }

    /** Builds the window for {@code workbench} on {@code stage} and shows it. */
    public static WorkbenchView show(Workbench workbench, javafx.stage.Stage stage, double width, double height) {
        WorkbenchView view = new WorkbenchView(workbench);
        Scene scene = new Scene(view, width, height);
        view.install(scene);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
        return view;
    }

    /** Wires the scene-wide shortcuts; call once the view is in a scene. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // A clip that arrives from elsewhere (restore, import, "Edit") is scrolled into view.
        workbench.editor().melodyProperty().addListener((obs, old, now) ->
                javafx.application.Platform.runLater(() -> editorPane.roll().revealNotes()));
    }

    public void dispose() {
        cursorTimer.stop();
    }

    public EditorPane editorPane() {
        return editorPane;
    }

    /** The arrangement lane under the editor. */
    public LanePane lanePane() {
        return lanePane;
    }

    /** The Continue tab's content. */
    public ContinuationPane continuationPane() {
        return continuationPane;
    }

    public InterpolationPane interpolationPane() {
        return interpolationPane;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** MIDI and WAV import, export and drag-out. */
    public ClipTransfer transfer() {
        return transfer;
    }

    /** The workbench's MIDI and WAV import, export and drag-out, its dialogs owned by {@code window}. */
    static ClipTransfer transferOf(Workbench workbench, Supplier<Window> window) {
        return new ClipTransfer(workbench.editor(), workbench.transport(), workbench.lane(), workbench.audioExport(),
                workbench.status(), workbench.runner(), window);
    }

    /** Model ▸ Train on a MIDI folder…: shows the training window. */
    public void openTraining() {
        trainingWindow.show(window());
    }

    public TrainingWindow trainingWindow() {
        return trainingWindow;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // Menus

    private MenuBar menus() {
        EditorViewModel editor = workbench.editor();
        Menu file = new Menu("File", null,
                item("New clip", "Shortcut+N", workbench::newClip),
                item("Open project…", "Shortcut+O", this::chooseProjectToOpen),
                item("Save project", "Shortcut+S", this::saveProject),
                item("Save project as…", "Shortcut+Shift+S", this::chooseProjectToSave),
                new SeparatorMenuItem(),
                item("Import MIDI…", "Shortcut+I", transfer::chooseMidiToImport),
                item("Export clip as MIDI…", "Shortcut+E", () -> transfer.export(editor.getMelody())),
                item("Export audio (WAV)…", "Shortcut+Shift+E", () -> transfer.exportAudio(editor.getMelody())),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", () -> {
                    if (window() != null) {
                        window().hide();
                    }
                }));
        MenuItem undo = item("Undo", "Shortcut+Z", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", editor::redo);
        redo.setId("redoItem");
        redo.disableProperty().bind(editor.canRedoProperty().not());
        // Both redo shortcuts are one command: enabled and disabled together.
        MenuItem redoAlternative = item("Redo", "Shortcut+Y", editor::redo);
        redoAlternative.setId("redoAlternativeItem");
        redoAlternative.disableProperty().bind(editor.canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo, redoAlternative,
                new SeparatorMenuItem(),
                item("Select all", "Shortcut+A", editor::selectAll),
                item("Duplicate", "Shortcut+D", workbench::duplicateSelection),
                hint(item("Delete", null, editor::deleteSelection), "Del"),
                new SeparatorMenuItem(),
                hint(item("Transpose up", null, () -> editor.transposeSelection(1)), "↑"),
                hint(item("Transpose down", null, () -> editor.transposeSelection(-1)), "↓"),
                hint(item("Octave up", null, () -> editor.transposeSelection(12)), "Shift+↑"),
                hint(item("Octave down", null, () -> editor.transposeSelection(-12)), "Shift+↓"),
                item("Fit notes to key", null, editor::snapSelectionToKey));
        Menu model = new Menu("Model");
        model.getItems().add(item("Open checkpoint…", null, this::chooseCheckpoint));
        Menu bundled = new Menu("Bundled models");
        for (Path dir : workbench.bundledModels()) {
            ModelDescription description = ModelDescription.ofFolder(dir);
            String name = dir.getFileName() + (description == null ? "" : " — " + description.text());
            bundled.getItems().add(item(name, null, () -> workbench.openModel(dir)));
        }
        if (bundled.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none under " + workbench.home().resolve("checkpoints") + ")");
            none.setDisable(true);
            bundled.getItems().add(none);
        }
        model.getItems().addAll(bundled, new SeparatorMenuItem(), item("Train on a MIDI folder…", null, this::openTraining));
        CheckMenuItem loop = new CheckMenuItem("Loop");
        loop.selectedProperty().bindBidirectional(workbench.transport().loopProperty());
        Menu play = new Menu("Play", null,
                hint(item("Play / stop clip", null, this::togglePlayEditor), "Space"),
                loop,
                item("Load SoundFont…", null, this::chooseSoundfont));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("darkTheme");
        dark.setSelected(RollColors.active() == RollColors.DARK);
        dark.setOnAction(e -> {
            Theme theme = dark.isSelected() ? Theme.DARK : Theme.LIGHT;
            theme.apply();
            theme.save(Theme.preferences());
        });
        Menu view = new Menu("View", null, dark);
        return new MenuBar(file, edit, model, play, liveMenu(), view);
    }

    /** Live: MIDI input and output (listed when the menu opens), record, count-in and loop. */
    private Menu liveMenu() {
        var live = workbench.live();
        Menu inputs = new Menu("MIDI input");
        inputs.setId("liveInputs");
        Menu outputs = new Menu("MIDI output");
        outputs.setId("liveOutputs");
        MenuItem record = item("Record into clip / stop", "Shortcut+R", live::toggleRecording);
        CheckMenuItem countIn = new CheckMenuItem("Count-in bar before recording");
        countIn.setSelected(live.countInBarsProperty().get() > 0);
        countIn.setOnAction(e -> live.countInBarsProperty().set(countIn.isSelected() ? 1 : 0));
        CheckMenuItem loopTake = new CheckMenuItem("Loop recording round the clip");
        loopTake.selectedProperty().bindBidirectional(live.loopProperty());
        Menu menu = new Menu("Live", null, inputs, outputs, new SeparatorMenuItem(), record, countIn, loopTake);
        menu.setId("liveMenu");
        menu.setOnShowing(e -> listDevices(inputs, outputs));
        listDevices(inputs, outputs);
        return menu;
    }

    /** Fills the input and output menus with the devices present now; "none" lines when there are none. */
    void listDevices(Menu inputs, Menu outputs) {
        var live = workbench.live();
        javafx.scene.control.ToggleGroup inputGroup = new javafx.scene.control.ToggleGroup();
        inputs.getItems().clear();
        for (var device : live.inputs()) {
            javafx.scene.control.RadioMenuItem choice = new javafx.scene.control.RadioMenuItem(
                    org.melodypalette.app.workbench.live.LiveMidi.name(device));
            choice.setToggleGroup(inputGroup);
            choice.setSelected(device == live.inputProperty().get());
            choice.setOnAction(e -> live.chooseInput(device));
            inputs.getItems().add(choice);
        }
        if (inputs.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(no MIDI input found: connect a keyboard and open this menu again)");
            none.setDisable(true);
            inputs.getItems().add(none);
        }
        javafx.scene.control.ToggleGroup outputGroup = new javafx.scene.control.ToggleGroup();
        outputs.getItems().clear();
        javafx.scene.control.RadioMenuItem synth = new javafx.scene.control.RadioMenuItem("Software synthesizer (default)");
        synth.setToggleGroup(outputGroup);
        synth.setSelected(live.outputProperty().get() == null);
        synth.setOnAction(e -> live.chooseOutput(null));
        outputs.getItems().add(synth);
        for (var device : live.outputs()) {
            javafx.scene.control.RadioMenuItem choice = new javafx.scene.control.RadioMenuItem(
                    org.melodypalette.app.workbench.live.LiveMidi.name(device));
            choice.setToggleGroup(outputGroup);
            choice.setSelected(device == live.outputProperty().get());
            choice.setOnAction(e -> live.chooseOutput(device));
            outputs.getItems().add(choice);
        }
        if (outputs.getItems().size() == 1) {
            MenuItem none = new MenuItem("(no MIDI output device found)");
            none.setDisable(true);
            outputs.getItems().add(none);
        }
    }

    private javafx.scene.control.Button recordButton() {
        javafx.scene.control.Button record = new javafx.scene.control.Button();
        record.setId("recordButton");
        record.textProperty().bind(Bindings.when(workbench.live().recordingProperty()).then("■ Stop rec").otherwise("● Rec"));
        record.setTooltip(new javafx.scene.control.Tooltip("Record from the MIDI input (Live menu) into this clip,"
                + " quantised to its grid, after a count-in (Ctrl+R)"));
        record.setFocusTraversable(false);
        record.setOnAction(e -> workbench.live().toggleRecording());
        return record;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Shows a shortcut handled by the key filter (so it never fires inside text fields). */
    private static MenuItem hint(MenuItem item, String keys) {
        item.setText(item.getText() + "\t" + keys);
        return item;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    // Status bar

    private HBox statusBar() {
        Label message = new Label();
        message.setId("statusMessage");
        message.textProperty().bind(workbench.status().messageProperty());
        workbench.status().errorProperty().addListener((obs, old, now) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), now));
        Label model = new Label();
        model.setId("statusModel");
        // The model's name stays whole; a long message is the one cut short.
        model.setMinWidth(Region.USE_PREF_SIZE);
        model.textProperty().bind(Bindings.createStringBinding(() -> {
            var description = workbench.session().descriptionProperty().get();
            return description == null ? "No model" : "Model: " + description.text();
        }, workbench.session().descriptionProperty()));
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(14, 14);
        loading.visibleProperty().bind(workbench.session().loadingProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, message, spring, loading, model);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    // Shortcuts a DAW user expects

    private void onKey(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof Slider || focus instanceof Spinner
                || focus instanceof ComboBoxBase || focus instanceof ListView) {
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        EditorViewModel editor = workbench.editor();
        boolean shift = e.isShiftDown();
        KeyCode code = e.getCode();
        switch (code) {
            case B -> editor.toolProperty().set(Tool.DRAW);
            case E -> editor.toolProperty().set(Tool.ERASE);
            case S, V -> editor.toolProperty().set(Tool.SELECT);
            case DELETE, BACK_SPACE -> editor.deleteSelection();
            case SPACE -> togglePlayEditor();
            case LEFT -> editor.nudgeSelection(shift ? -editor.getMelody().grid().stepsPerBar() / 4 : -1);
            case RIGHT -> editor.nudgeSelection(shift ? editor.getMelody().grid().stepsPerBar() / 4 : 1);
            case UP -> editor.transposeSelection(shift ? 12 : 1);
            case DOWN -> editor.transposeSelection(shift ? -12 : -1);
            case ESCAPE -> editor.clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void togglePlayEditor() {
        workbench.transport().toggle(EditorPane.EDITOR_SOURCE, workbench.editor().getMelody());
    }

    // File choosers

    private void chooseProjectToOpen() {
        FileChooser chooser = projectChooser("Open project");
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            workbench.openProject(file.toPath());
        }
    }

    private void saveProject() {
        Path current = workbench.projectFileProperty().get();
        if (current == null) {
            chooseProjectToSave();
        } else {
            workbench.saveProject(current);
        }
    }

    private void chooseProjectToSave() {
        FileChooser chooser = projectChooser("Save project");
        chooser.setInitialFileName("melody.palette.json");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            workbench.saveProject(file.toPath());
        }
    }

    private static FileChooser projectChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Melody Palette project", "*.json"));
        return chooser;
    }

    private void chooseCheckpoint() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a checkpoint folder (ours or magenta.js)");
        File dir = chooser.showDialog(window());
        if (dir != null) {
            workbench.openModel(dir.toPath());
        }
    }

    private void chooseSoundfont() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load a SoundFont");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SoundFont", "*.sf2", "*.dls"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            workbench.transport().loadSoundfont(file.toPath());
        }
    }
}
