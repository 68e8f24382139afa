package com.waiverdesk;

import com.waiverdesk.ui.DeskLauncher;

/** Picks the face: the desk window, or a headless command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DeskLauncher.launch(args);
    }
}
