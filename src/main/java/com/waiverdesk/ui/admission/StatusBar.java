package com.waiverdesk.ui.admission;

import com.waiverdesk.app.Desk;
import com.waiverdesk.ui.common.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Always-visible facts: is the service reachable (or the demo), who is working, at which workstation. */
final class StatusBar extends HBox {
    private static final System.Logger LOG = System.getLogger(StatusBar.class.getName());
    private static final List<String> STATE_CLASSES = List.of("starting", "reachable", "unreachable", "not-started");

    private final AdmissionViewModel model;
    private final Texts texts;
    private final Region dot = new Region();
    private final Label service = new Label();
    /** How old the e-certificate lists are: an offline e-certificate check needs them fresh. */
    private final Label ecertLists = new Label();
    /** With an audit server that cannot take entries: how many wait on this workstation (hidden when none). */
    private final Label auditSpool = new Label();
    private final Label operator = new Label();
    private final Label workstation = new Label();
    private final Hyperlink supervisor = new Hyperlink();
    private final Hyperlink diagnostics = new Hyperlink();
    private final Hyperlink settings = new Hyperlink();

    StatusBar(AdmissionViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        dot.getStyleClass().add("status-dot");
        service.setId("serviceStatus");
        ecertLists.setId("ecertListsStatus");
        ecertLists.getStyleClass().add("ecert-lists");
        ecertLists.managedProperty().bind(ecertLists.visibleProperty());
        auditSpool.setId("auditSpoolStatus");
        auditSpool.getStyleClass().add("audit-spool");
        auditSpool.managedProperty().bind(auditSpool.visibleProperty());
        auditSpool.setVisible(false);
        operator.setId("operatorStatus");
        workstation.setId("workstationStatus");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the clerk's Tab order stays name, ID, verify, clear; the supervisor and IT use the mouse or a shortcut
        link(supervisor, "supervisorLink", texts.get("status.supervisor"), texts.get("status.supervisor.hint"));
        link(diagnostics, "diagnosticsLink", texts.get("status.diagnostics"), texts.get("status.diagnostics.hint"));
        link(settings, "settingsLink", texts.get("status.settings"), texts.get("status.settings.hint"));
        // when the bar is too narrow (English words, a long operator id, enlarged text) the operator and workstation
        // shorten with an ellipsis and the links go under each other; the service state and the links stay whole
        FlowPane links = new LinkRow(diagnostics, settings, supervisor);
        links.getStyleClass().add("status-links");
        links.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(dot, service, ecertLists, auditSpool, spacer, operator, workstation, links);
        // whole on one line at normal size; with enlarged text desk.css lets the lists' age wrap onto a second line
        // rather than widen the window past 720 px (CardLayoutUITest)
        ecertLists.setWrapText(true);
        auditSpool.setWrapText(true);
        for (Region whole : new Region[] {dot, service, ecertLists, auditSpool, diagnostics, settings, supervisor}) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        // an HBox that must shrink takes from the ALWAYS-growing children first: the spacer, then these two (a
        // label never grows past its text); the links only then
        HBox.setHgrow(operator, Priority.ALWAYS);
        HBox.setHgrow(workstation, Priority.ALWAYS);
        operator.managedProperty().bind(operator.visibleProperty());
        workstation.managedProperty().bind(workstation.visibleProperty());
        model.serviceStateProperty().addListener((obs, old, state) -> refresh());
        model.deskProperty().addListener((obs, old, desk) -> refresh());
        model.listAgesProperty().addListener((obs, old, ages) -> showLists(ages));
        model.auditWaitingProperty().addListener((obs, old, waiting) -> {
            showSpool(waiting);
            showLists(model.listAgesProperty().get());
        });
        refresh();
        showLists(null);
    }

    /**
     * A discreet link, hidden until it has an action. Its tooltip is made when the pointer first comes over it: a
     * tooltip is a popup window of its own, and three of them cost the first frame a few tens of ms.
     */
    private static void link(Hyperlink link, String id, String text, String hint) {
        link.setId(id);
        link.getStyleClass().add("supervisor-link");
        link.setText(text);
        link.setAccessibleText(hint);
        link.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (link.getTooltip() == null) {
                link.setTooltip(new Tooltip(hint));
            }
        });
        link.setFocusTraversable(false);
        link.setVisible(false);
        link.managedProperty().bind(link.visibleProperty());
    }

    /** The links in one row when the bar has room for it (a FlowPane's own preferred width is its wrap length). */
    private static final class LinkRow extends FlowPane {
        LinkRow(Node... links) {
            super(links);
        }

        @Override
        protected double computePrefWidth(double height) {
            double width = getInsets().getLeft() + getInsets().getRight();
            for (Node link : getManagedChildren()) {
                width += snapSizeX(link.prefWidth(-1));
            }
            return width + snapSpaceX(getHgap()) * Math.max(0, getManagedChildren().size() - 1);
        }
    }

    /** Shows the link to the supervisor's screen, which runs the action. */
    void setOnOpenSupervisor(Runnable action) {
        supervisor.setOnAction(e -> {
            supervisor.setVisited(false);
            action.run();
        });
        supervisor.setVisible(action != null);
    }

    /** Shows the link to IT's settings screen, which runs the action. */
    void setOnOpenSettings(Runnable action) {
        settings.setOnAction(e -> {
            settings.setVisited(false);
            action.run();
        });
        settings.setVisible(action != null);
    }

    /**
     * Shows the link that copies the support text for the running desk (or {@code null}); the text is built on the
     * view model's background runner, as it reads the log files.
     */
    void setDiagnostics(Function<Desk, String> text) {
        diagnostics.setOnAction(e -> {
            diagnostics.setVisited(false);
            diagnostics.setDisable(true);
            Desk desk = model.deskProperty().get();
            model.runner().run(() -> text.apply(desk), block -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(block);
                Clipboard.getSystemClipboard().setContent(content);
                diagnostics.setText(texts.get("status.diagnostics.copied"));
                diagnostics.setDisable(false);
            }, error -> {
                // the link must not stay disabled: the clerk may try again, IT finds the reason in the log
                LOG.log(System.Logger.Level.WARNING, "collecting the diagnostics", error);
                diagnostics.setText(texts.get("status.diagnostics.failed"));
                diagnostics.setDisable(false);
            });
        });
        diagnostics.setVisible(text != null);
    }

    private void refresh() {
        ServiceState state = model.serviceStateProperty().get();
        Desk desk = model.deskProperty().get();
        String text = texts.get("status.service." + state);
        if (desk != null && desk.isDemo()) {
            text = texts.get("status.demo", text);
        }
        service.setText(text);
        getStyleClass().removeAll(STATE_CLASSES);
        getStyleClass().add(state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        operator.setText(desk == null ? "" : texts.get("status.operator", desk.operatorId()));
        workstation.setText(desk == null ? "" : texts.get("status.workstation", desk.workstation()));
    }

    /** "审计服务器离线：3 条记录待上传": only while entries wait; the supervisor sees them once they are forwarded. */
    private void showSpool(Integer waiting) {
        boolean show = waiting != null && waiting > 0;
        auditSpool.setVisible(show);
        // the clerk's own name and workstation give their room to it: at 720 px the bar holds the service, this notice
        // and the links in one row only without them
        operator.setVisible(!show);
        workstation.setVisible(!show);
        auditSpool.setText(show ? texts.get("status.auditSpool", waiting) : "");
        auditSpool.setAccessibleText(auditSpool.getText());
    }

    /**
     * The lists' age; while audit entries wait for the server, fresh lists give their place to that notice (at 720 px
     * the bar holds one of them beside the links; lists too old still show, and the bar then wraps).
     */
    private void showLists(ListAges ages) {
        ecertLists.getStyleClass().remove("too-old");
        ecertLists.setVisible(ages != null && !(auditSpool.isVisible() && !ages.tooOld() && ages.oldest() != null));
        if (ages == null) {
            ecertLists.setText("");
            return;
        }
        Duration oldest = ages.oldest();
        if (oldest == null) {
            ecertLists.setText(texts.get("status.ecert.none"));
        } else {
            String age = age(oldest.toSeconds());
            ecertLists.setText(ages.tooOld() ? texts.get("status.ecert.tooOld", age)
                    : texts.get("status.ecert.fresh", age));
        }
        if (ages.tooOld() || oldest == null) {
            ecertLists.getStyleClass().add("too-old");
        }
        ecertLists.setAccessibleText(ecertLists.getText());
    }

    /** "3 小时前" / "3 h ago": minutes under an hour, hours under two days, then days. */
    private String age(long seconds) {
        if (seconds < 60) {
            return texts.get("status.ecert.age.now");
        } else if (seconds < 3600) {
            return texts.get("status.ecert.age.minutes", seconds / 60);
        } else if (seconds < 48 * 3600) {
            return texts.get("status.ecert.age.hours", seconds / 3600);
        }
        return texts.get("status.ecert.age.days", seconds / 86_400);
    }
}
