package com.waiverdesk.ui.admission;

import com.waiverdesk.verification.ecert.EcertText;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Recognizes an e-certificate typed by a keyboard-wedge scanner (or pasted) wherever the focus is in the window:
 * a text starting with {@code SHEC1.} is never a name or an ID. The first five characters reach the focused field
 * before they can be told from typing and are taken out again when the sixth completes the prefix; from then on
 * every key goes to the scan until Enter (Esc abandons it). Works at any typing speed: it counts characters, not time.
 */
final class ScanCatcher implements EventHandler<KeyEvent> {
    static final String PREFIX = EcertText.START;
    /** Far above the spec's 1,200 characters (the desk refuses longer texts); only bounds the memory held. */
    private static final int MAX_HELD = 16_384;

    /** What the window does with a recognized text, a pasted image, and the scan's start and end. */
    interface Target {
        void scanStarted();

        void scanAbandoned();

        void scanned(String text);

        /** Ctrl+V with an image (and no text) on the clipboard. */
        void imagePasted(javafx.scene.image.Image image);
    }

    private final Target target;
    private int matched;
    private TextInputControl field;
    private String fieldText;
    private int fieldCaret;
    private StringBuilder scan;

    ScanCatcher(Target target) {
        this.target = target;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.ANY, this);
    }

    /** Whether a scan is being typed (keys go to it, not to the window). */
    boolean scanning() {
        return scan != null;
    }

    @Override
    public void handle(KeyEvent event) {
        if (scan != null) {
            duringScan(event);
        } else if (event.getEventType() == KeyEvent.KEY_TYPED) {
            typed(event);
        } else if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            pressed(event);
        }
    }

    private void duringScan(KeyEvent event) {
        event.consume();
        if (event.getEventType() == KeyEvent.KEY_TYPED) {
            String chars = event.getCharacter();
            for (int i = 0; i < chars.length() && scan.length() < MAX_HELD; i++) {
                char c = chars.charAt(i);
                if (c >= ' ' && c != 0x7f) {
                    scan.append(c);
                }
            }
        } else if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            if (event.getCode() == KeyCode.ENTER) {
                String text = scan.toString();
                scan = null;
                target.scanned(text);
            } else if (event.getCode() == KeyCode.ESCAPE) {
                scan = null;
                target.scanAbandoned();
            }
        }
    }

    private void typed(KeyEvent event) {
        String chars = event.getCharacter();
        if (chars.length() != 1 || event.isControlDown() || event.isMetaDown()) {
            matched = 0;
            return;
        }
        char c = chars.charAt(0);
        if (c == PREFIX.charAt(matched)) {
            if (matched == 0) {
                remember(event);
            }
            matched++;
        } else if (c == PREFIX.charAt(0)) {
            remember(event);
            matched = 1;
        } else {
            matched = 0;
        }
        if (matched == PREFIX.length()) {
            event.consume();
            matched = 0;
            restoreField();
            scan = new StringBuilder(PREFIX);
            target.scanStarted();
        }
    }

    /** Keys that are not characters (arrows, Backspace, Enter) end a prefix in the making; Shift does not. */
    private void pressed(KeyEvent event) {
        if (event.getCode() == KeyCode.V && event.isShortcutDown()) {
            pasted(event);
            return;
        }
        if (!event.getCode().isModifierKey() && !event.getCode().isLetterKey() && !event.getCode().isDigitKey()
                && event.getCode() != KeyCode.PERIOD && event.getCode() != KeyCode.UNDEFINED) {
            matched = 0;
        }
    }

    private void pasted(KeyEvent event) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString()) {
            String text = clipboard.getString().strip();
            if (EcertText.isCertificateText(text)) {
                event.consume();
                matched = 0;
                target.scanned(text);
            }
        } else if (clipboard.hasImage()) {
            event.consume();
            target.imagePasted(clipboard.getImage());
        }
    }

    /** The focused field's text before the prefix's first character reached it (it may have replaced a selection). */
    private void remember(KeyEvent event) {
        Object source = event.getTarget();
        Node focused = source instanceof Node ? (Node) source : null;
        if (focused instanceof TextInputControl) {
            field = (TextInputControl) focused;
            fieldText = field.getText();
            fieldCaret = field.getCaretPosition();
        } else {
            field = null;
        }
    }

    private void restoreField() {
        if (field != null && !field.getText().equals(fieldText)) {
            field.setText(fieldText);
            field.positionCaret(Math.min(fieldCaret, fieldText.length()));
        }
        field = null;
    }
}
