package org.bidnn.jobs.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bidnn.train.EpochListener;

/**
 * A progress bar of the training epochs with the last epoch's loss, for a terminal:
 * {@code Training 40% [====      ] 12/30 (0:00:04 / 0:00:06) loss 0.012345}. Off a terminal the
 * training job's own per-epoch lines are the progress report instead, and this is not used.
 */
public final class TrainingProgress implements EpochListener, AutoCloseable {

    private final ProgressBar bar;

    /**
     * @param out         where the bar is drawn (stderr)
     * @param epochs      epochs the training will run
     * @param widthOrZero the bar's width in characters, or 0 for the terminal's
     */
    public TrainingProgress(PrintStream out, int epochs, int widthOrZero) {
        ConsoleProgressBarConsumer consumer = widthOrZero > 0 ? new ConsoleProgressBarConsumer(out, widthOrZero)
                : new ConsoleProgressBarConsumer(out);
        this.bar = new ProgressBarBuilder()
                .setTaskName("Training")
                .setInitialMax(epochs)
                .setUnit(" epochs", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(consumer)
                .build();
    }

    @Override
    public void epochFinished(int epoch, int totalEpochs, double loss, Duration took) {
        bar.maxHint(totalEpochs);
        bar.stepTo(epoch);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.6f", loss));
    }

    @Override
    public void close() {
        bar.close();
    }
}
