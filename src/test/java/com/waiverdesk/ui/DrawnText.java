package com.waiverdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What a screen draws of its labels, for tests that a text is not cut off at the window's size. */
public final class DrawnText {
    private DrawnText() {
    }

    /** Each visible label whose drawn text is not its whole text (the skin put in an ellipsis). */
    public static List<String> cut(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled) {
            Labeled labeled = (Labeled) node;
            String text = labeled.getText();
            Node drawn = labeled.lookup(".text");
            if (text != null && !text.isBlank() && drawn instanceof Text && !text.equals(((Text) drawn).getText())) {
                cut.add((labeled.getId() != null ? "#" + labeled.getId() : labeled.getStyleClass()) + " \""
                        + text + "\" drawn as \"" + ((Text) drawn).getText() + "\"");
            }
        }
        if (node instanceof Parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }
}
