package org.taperoom.appliance.cli;

import org.taperoom.appliance.dsp.render.RenderProgress;

/** A terminal progress line on stderr ("render: mixing  42%"), redrawn when the stage or the whole percent changes. */
final class ProgressLine implements RenderProgress {
    private final String command;
    private final int stageWidth;
    private final boolean enabled;
    private int shownPercent = -1;
    private String shownStage = "";

    ProgressLine(String command, int stageWidth, boolean enabled) {
        this.command = command;
        this.stageWidth = stageWidth;
        this.enabled = enabled;
    }

    @Override
    public void update(String stage, double fraction) {
        if (!enabled) return;
        int percent = (int) Math.floor(fraction * 100);
        if (percent == shownPercent && stage.equals(shownStage)) return;
        shownPercent = percent;
        shownStage = stage;
        System.err.printf("\r%s: %-" + stageWidth + "s %3d%%", command, stage, percent);
        System.err.flush();
    }

    void clear() {
        if (enabled && shownPercent >= 0) System.err.print("\r" + " ".repeat(command.length() + stageWidth + 7) + "\r");
    }
}
