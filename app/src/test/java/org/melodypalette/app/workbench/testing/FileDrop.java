package org.melodypalette.app.workbench.testing;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Files dropped onto a node from another application (a file manager, a DAW), as JavaFX delivers
 * them: DRAG_OVER, then DRAG_DROPPED, with no gesture source in this application and a dragboard
 * that holds the files. JavaFX has no public way to make a dragboard, so this one sits on a minimal
 * clipboard peer made through JavaFX's internal {@code DragboardHelper}; the tests run on the class
 * path, where that package is readable. Call on the FX thread.
 */
public final class FileDrop {

    private FileDrop() {
    }

    public static void dropOn(Node target, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new FilesPeer(files));
        for (var type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
            Event.fireEvent(target, new DragEvent(type, board, 10, 10, 10, 10, TransferMode.COPY, null, null, null));
        }
    }

    /** Holds a file list and nothing else. */
    private record FilesPeer(List<File> files) implements TKClipboard {

        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return DataFormat.FILES.equals(format) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
