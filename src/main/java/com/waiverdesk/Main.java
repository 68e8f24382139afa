package com.waiverdesk;

/** Picks the face: the desk window, or a headless command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("WaiverDesk: not wired yet");
    }
}
