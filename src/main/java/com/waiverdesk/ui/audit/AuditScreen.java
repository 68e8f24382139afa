package com.waiverdesk.ui.audit;

import com.waiverdesk.ui.common.Texts;
import java.time.ZoneId;
import javafx.scene.layout.StackPane;

/** The content of the supervisor's window: the sign-in until it succeeds, then the audit itself. */
public final class AuditScreen extends StackPane {
    /**
     * @param closeWindow what Esc on the sign-in and the close button do
     */
    public AuditScreen(AuditViewModel model, Texts texts, ZoneId zone, PathChooser paths, Runnable closeWindow) {
        AuditWords words = new AuditWords(texts, zone);
        getStyleClass().add("audit-screen");
        LoginPane login = new LoginPane(model.login(), words, closeWindow);
        getChildren().setAll(login);
        model.login().modeProperty().addListener((obs, old, mode) -> {
            if (mode == LoginViewModel.Mode.SIGNED_IN) {
                AuditView view = new AuditView(model, words, paths);
                getChildren().setAll(view);
                view.focusFirstFilter();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                login.focusFirstField();
            }
        });
    }
}
